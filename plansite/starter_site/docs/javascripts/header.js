/* Plansite: the header's menu and search buttons. Material opens its menu drawer and search box
   with labels for hidden checkboxes, which Tab never reaches; these buttons work the same
   checkboxes and say whether they are open (aria-expanded). Opening moves the focus into what
   opened (the drawer covers its own button on a phone); Escape closes it and returns the focus
   to the button. The change event tells Material's own script, as a click on its label would. */
(function () {
  "use strict";

  var INSIDE = { __drawer: ".md-sidebar--primary", __search: ".md-search__inner" };

  function firstStop(container) {
    if (!container) return null;
    var stops = container.querySelectorAll("a[href], button, input, select, [tabindex='0']");
    return Array.prototype.find.call(stops, function (el) {
      return el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
    }) || null;
  }

  function start() {
    document.querySelectorAll("button[data-ps-toggle]").forEach(function (button) {
      var name = button.getAttribute("data-ps-toggle");
      var toggle = document.getElementById(name);
      if (!toggle) return;
      function show() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
      function set(open) {
        toggle.checked = open;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));
        show();
      }
      button.addEventListener("click", function () {
        set(!toggle.checked);
        if (!toggle.checked) return;
        var target = firstStop(document.querySelector(INSIDE[name]));
        if (target) target.focus();
      });
      toggle.addEventListener("change", show);
      // capture: Material closes the search box on Escape too, and then moves the focus nowhere
      document.addEventListener("keydown", function (event) {
        // only where the button is shown: on a wide screen the search box sits in the header
        if (event.key !== "Escape" || !toggle.checked || !button.getClientRects().length) return;
        set(false);
        button.focus();
      }, true);
      show();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
