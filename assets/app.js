// medbcp — small improvements on top of pages that work without script.
// Loaded from /assets (Content-Security-Policy allows no inline script).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // A rejected form: bring the list of problems into view and focus it, so a
  // screen reader reads it and the keyboard starts from there.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  // Ask once more before an irreversible action (delete, retire, stop an
  // account). Without script these buttons lead to a confirmation page or
  // act directly, as the server decides.
  document.querySelectorAll("form .button--danger").forEach(function (button) {
    button.form.addEventListener("submit", function (event) {
      var label = button.textContent.trim();
      if (!window.confirm(label + "。よろしいですか？")) {
        event.preventDefault();
      }
    });
  });

  // Filters of the device ledger apply as soon as a choice changes.
  document.querySelectorAll(".filter-form select").forEach(function (select) {
    select.addEventListener("change", function () {
      select.form.submit();
    });
  });
});
