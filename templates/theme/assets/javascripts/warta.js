// Warta's script on every page: the share row's "copy link" button, and
// keyboard access to tables wider than a phone's screen. Nothing here
// contacts any host.
(function () {
  "use strict";

  // The copy button stays hidden without a clipboard to write to; the share
  // links beside it are plain links and need no script.
  if (navigator.clipboard && window.isSecureContext) {
    document.querySelectorAll("button[data-warta-salin]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.wartaSalin).then(function () {
          button.textContent = button.dataset.wartaDisalin;
        });
      });
    });
  }

  // Material wraps each table in a box that scrolls sideways on a narrow
  // screen; a box that does scroll must be reachable by keyboard (WCAG
  // 2.1.1), named by the heading above it. Material wraps the tables once
  // the page has loaded, so this runs after it.
  window.addEventListener("load", function () {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth) {
        return;
      }
      box.tabIndex = 0;
      var heading = box.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) {
        heading = heading.previousElementSibling;
      }
      if (heading && heading.id) {
        box.setAttribute("role", "region");
        box.setAttribute("aria-labelledby", heading.id);
      }
    });
  });
})();
