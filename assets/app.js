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

  closeMenuFoldsFromOutside();
  keepSessionWhileTyping();
});

// A fold of the menu (計画・日頃の備え・管理) opens and closes by its own
// heading without script; with it, a click elsewhere or Escape closes it
// too, as a menu is expected to.
function closeMenuFoldsFromOutside() {
  var folds = document.querySelectorAll(".site-nav details.nav-group");
  function closeAll(except) {
    folds.forEach(function (fold) {
      if (fold !== except) {
        fold.open = false;
      }
    });
  }
  document.addEventListener("click", function (event) {
    closeAll(event.target.closest ? event.target.closest(".site-nav details.nav-group") : null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeAll(null);
    }
  });
}

// The session ends after a while without a request (the server's idle
// limit, given in <meta name="medbcp-session-idle">). Typing into a form is
// not a request, so while someone types the session is kept with a small
// request now and then; when nobody has touched the page, a notice says
// five minutes before the end that the session will end, with a button to
// keep it, so that nothing typed is lost. Without script the limit is the
// same and nothing warns.
function keepSessionWhileTyping() {
  var meta = document.querySelector('meta[name="medbcp-session-idle"]');
  var token = document.querySelector('input[name="csrf"]');
  if (!meta || !token) {
    return;
  }
  var idleMs = parseInt(meta.content, 10) * 1000;
  if (!(idleMs > 0)) {
    return;
  }
  var warnBeforeMs = Math.min(5 * 60 * 1000, idleMs / 2);
  var lastRequest = Date.now();
  var lastInput = 0;
  var notice = null;

  function keepAlive() {
    var body = new URLSearchParams();
    body.append("csrf", token.value);
    return fetch("/session/keepalive", {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
    }).then(function (response) {
      if (response.status === 204) {
        lastRequest = Date.now();
        hideNotice();
        return true;
      }
      return false;
    }, function () {
      return false;
    });
  }

  function showNotice(ended) {
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "session-notice";
      notice.setAttribute("role", "alert");
      document.body.appendChild(notice);
    }
    notice.textContent = "";
    var text = document.createElement("p");
    notice.appendChild(text);
    if (ended) {
      // A new sign-in gives a new form token, so this page cannot be sent
      // any more: say so, and keep what was typed on screen to copy.
      text.textContent =
        "操作がなかったため、ログインが切れました。この画面の入力内容は送信できません。" +
        "必要な内容を控えてから、ログインし直してください。";
      var link = document.createElement("a");
      link.className = "button";
      link.href = "/login?next=" + encodeURIComponent(location.pathname + location.search);
      link.textContent = "ログイン画面へ";
      notice.appendChild(link);
      return;
    }
    var minutes = Math.max(1, Math.round((lastRequest + idleMs - Date.now()) / 60000));
    text.textContent =
      "操作がないため、あと約" + minutes + "分でログインが切れます。" +
      "入力中の内容を失わないよう「続ける」を押してください。";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "続ける";
    button.addEventListener("click", function () {
      keepAlive().then(function (ok) {
        if (!ok) {
          showNotice(true);
        }
      });
    });
    notice.appendChild(button);
  }

  function hideNotice() {
    if (notice) {
      notice.remove();
      notice = null;
    }
  }

  document.addEventListener("input", function () {
    lastInput = Date.now();
  });

  window.setInterval(function () {
    var now = Date.now();
    var typedSinceRequest = lastInput > lastRequest;
    if (typedSinceRequest && now - lastRequest > 60 * 1000) {
      keepAlive();
      return;
    }
    if (now - lastRequest >= idleMs) {
      showNotice(true);
    } else if (now - lastRequest >= idleMs - warnBeforeMs) {
      showNotice(false);
    }
  }, 15 * 1000);
}
