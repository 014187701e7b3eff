/*
 * Print buttons ([data-sz-print]): the receipts and documents print themselves. A script file
 * of the site's own, not an inline onclick, which the Content-Security-Policy forbids.
 */
document.addEventListener("click", function (event) {
  "use strict";
  var button = event.target.closest ? event.target.closest("[data-sz-print]") : null;
  if (button) {
    window.print();
  }
});
