/* Plansite tables: sort by any column and filter by the form beside the table.
   The table is complete without this file; it only adds sorting and filtering. Local file:
   no third-party requests. Result counts are announced through an aria-live region. */
(function () {
  "use strict";

  function sortValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (head, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ps-sort";
      while (head.firstChild) button.appendChild(head.firstChild);
      head.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = head.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (r1, r2) {
            var order = compare(sortValue(r1, index), sortValue(r2, index));
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function makeFilterable(form) {
    var table = document.getElementById(form.getAttribute("data-filters-for"));
    if (!table) return;
    var count = form.querySelector("[aria-live]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var noun = "action";

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = Array.prototype.every.call(form.querySelectorAll("select"), function (select) {
          if (!select.value) return true;
          var values = JSON.parse(row.getAttribute("data-" + select.name) || "[]");
          return values.indexOf(select.value) !== -1;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " " + noun + (rows.length === 1 ? "" : "s") + ".";
    }

    // A link may choose the filters, e.g. all-actions/?status=red (the plan home links so).
    var query = new URLSearchParams(window.location.search);
    form.querySelectorAll("select").forEach(function (select) {
      var wanted = query.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
    });

    // The chosen filters are written into the address, so a filtered view can be shared or
    // bookmarked; replaceState: choosing filters adds no steps to Back.
    function remember() {
      var query = new URLSearchParams(window.location.search);
      form.querySelectorAll("select").forEach(function (select) {
        if (select.value) query.set(select.name, select.value);
        else query.delete(select.name);
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(); remember(); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
    document.querySelectorAll("form[data-filters-for]").forEach(makeFilterable);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
