/* Plansite: the header's menu and search buttons. Material opens its menu drawer and search box
   with labels for hidden checkboxes, which Tab never reaches; these buttons work the same
   checkboxes, say whether they are open (aria-expanded), and Escape closes the menu and returns
   to its button. The change event tells Material's own script, as a click on its label would. */
(function () {
  "use strict";

  function start() {
    document.querySelectorAll("button[data-ps-toggle]").forEach(function (button) {
      var toggle = document.getElementById(button.getAttribute("data-ps-toggle"));
      if (!toggle) return;
      function show() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
      button.addEventListener("click", function () {
        toggle.checked = !toggle.checked;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));
        show();
      });
      toggle.addEventListener("change", show);
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.checked && toggle.id === "__drawer") {
          toggle.checked = false;
          toggle.dispatchEvent(new Event("change", { bubbles: true }));
          show();
          button.focus();
        }
      });
      show();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
