/* The young people's guide: GOV.UK's "Exit this page". The button, or the Shift key pressed
   three times within five seconds, leaves at once for a neutral site. location.replace takes
   this page out of the tab's history, so Back does not return to it. A link from one guide
   page to another also replaces the page instead of adding to the history, so the guide only
   ever holds one place in it: after leaving, Back goes to the page before the guide, never to
   a guide page. Nothing is asked of the neutral site until then. Without JavaScript the button
   is an ordinary link (and Back returns to the guide). */
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
    var guide = new URL(box.getAttribute("data-exit-this-page-guide"), document.baseURI).href;
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (!link || link === button || event.defaultPrevented) return;
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      if (link.target || link.hasAttribute("download") || link.href.indexOf(guide) !== 0) return;
      if (link.href.split("#")[0] === window.location.href.split("#")[0]) return; // same page
      event.preventDefault();
      window.location.replace(link.href);
    });
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
