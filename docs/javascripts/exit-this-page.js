/* The young people's guide: GOV.UK's "Exit this page". The button, or the Shift key pressed
   three times within five seconds, leaves at once for a neutral site. location.replace takes
   this page out of the tab's history, so Back does not return to it. Nothing is asked of the
   neutral site until then. Without JavaScript the button is an ordinary link. */
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  function start() {
    var box = document.querySelector("[data-exit-this-page]");
    if (!box) return;
    var button = box.querySelector("a");
    var count = box.querySelector("[data-exit-this-page-count]");
    var presses = 0;
    var timer = null;

    function leave(event) {
      if (event) event.preventDefault();
      document.documentElement.classList.add("ps-exiting"); // hide the page at once
      window.location.replace(button.href);
    }

    function reset() {
      presses = 0;
      window.clearTimeout(timer);
      timer = null;
    }

    button.addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) {
        if (event.key !== "Shift") reset();
        return;
      }
      presses += 1;
      if (presses >= PRESSES) {
        count.textContent = "Exiting this page.";
        leave();
        return;
      }
      var left = PRESSES - presses;
      count.textContent = "Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.";
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { reset(); count.textContent = ""; }, WINDOW_MS);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
