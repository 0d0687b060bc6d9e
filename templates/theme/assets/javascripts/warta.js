// Warta's only script: the "copy link" button of an article's share row.
// It stays hidden without a clipboard to write to; the share links beside
// it are plain links and need no script.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll("button[data-warta-salin]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.wartaSalin).then(function () {
        button.textContent = button.dataset.wartaDisalin;
      });
    });
  });
})();
