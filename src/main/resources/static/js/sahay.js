// Sahay: small conveniences on top of pages that work without JavaScript.
(function () {
  "use strict";

  // Quick exit: leave without a history entry, so "back" does not return to Sahay.
  function quickExit(event) {
    var link = document.getElementById("quick-exit");
    if (!link) return;
    if (event) event.preventDefault();
    try { sessionStorage.clear(); localStorage.clear(); } catch (e) { /* storage may be blocked */ }
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("#quick-exit")) quickExit(event);
  });

  // Pressing Escape twice within a second also leaves at once.
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000) quickExit(event);
    lastEscape = now;
  });
})();

// While an import runs, reload its page every few seconds so the progress bar moves.
(function () {
  "use strict";
  var link = document.querySelector("a[data-refresh]");
  if (!link) return;
  var seconds = parseInt(link.getAttribute("data-refresh"), 10) || 2;
  window.setTimeout(function () { window.location.replace(link.href); }, seconds * 1000);
})();
