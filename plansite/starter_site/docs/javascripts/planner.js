/* Reporting planner: show the reports of one subgroup or agency in the table and the grid.
   The page is complete without this file (the grid is grouped, with links to each group);
   it only adds the filter. Local file: no third-party requests. */
(function () {
  "use strict";

  function start() {
    var form = document.querySelector("form[data-planner-filter]");
    if (!form) return;
    var select = form.querySelector("select");
    var count = form.querySelector("[aria-live]");
    var rows = Array.prototype.slice.call(document.querySelectorAll("#planner-table tbody tr"));
    var groups = Array.prototype.slice.call(document.querySelectorAll("#planner-grid tbody"));

    function apply() {
      var wanted = select.value;
      var shown = 0;
      rows.forEach(function (row) {
        var keep = !wanted || row.getAttribute("data-group") === wanted;
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !!wanted && group.getAttribute("data-group") !== wanted;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " report" + (rows.length === 1 ? "" : "s") + ".";
    }

    // The choice is read from and written into the address (?group=pmqa), so it can be shared
    var query = new URLSearchParams(window.location.search);
    var wanted = query.get(select.name);
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;

    function remember() {
      var query = new URLSearchParams(window.location.search);
      if (select.value) query.set(select.name, select.value);
      else query.delete(select.name);
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
