// Tebiki's default theme script. Pages work without it; it only adds conveniences.
(function () {
  "use strict";
  // Opened from disk, a link to a folder shows a file listing instead of its page:
  // point such links at the folder's index.html.
  if (location.protocol === "file:") {
    document.querySelectorAll("form[action]").forEach(function (form) {
      var action = form.getAttribute("action");
      if (action.slice(-1) === "/") form.setAttribute("action", action + "index.html");
    });
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return;
      var match = /^([^?#]*)(.*)$/.exec(href);
      if (match[1] !== "" && match[1].slice(-1) === "/") {
        link.setAttribute("href", match[1] + "index.html" + match[2]);
      }
    });
  }

  // Glossary terms: a click opens or closes the definition; Escape closes it.
  document.documentElement.classList.add("terms-ready");
  document.querySelectorAll(".term-button").forEach(function (button) {
    var term = button.parentNode;
    function toggle(open) {
      term.classList.toggle("open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.addEventListener("click", function () { toggle(!term.classList.contains("open")); });
    term.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && term.classList.contains("open")) { toggle(false); button.focus(); }
    });
  });
  // Tabs (::: tabs, ::: code-group): the ARIA tabs pattern over panels that, without this
  // script and in print, all show under their labels. A label chosen once is chosen on every
  // page that offers it, through localStorage.
  var tabKey = "tebiki.tab";
  var groups = [];
  function storedTab() {
    try { return localStorage.getItem(tabKey); } catch (error) { return null; }
  }
  function rememberTab(label) {
    try { localStorage.setItem(tabKey, label); } catch (error) { /* private mode: this page only */ }
  }
  document.querySelectorAll(".tabs").forEach(function (tabs, groupIndex) {
    var panels = Array.prototype.filter.call(tabs.children, function (child) {
      return child.classList.contains("tab-panel");
    });
    if (panels.length === 0) return;
    var list = document.createElement("div");
    list.className = "tab-list";
    list.setAttribute("role", "tablist");
    var buttons = panels.map(function (panel, index) {
      var id = "tebiki-tabs-" + groupIndex + "-" + index;
      var button = document.createElement("button");
      button.type = "button";
      button.id = id + "-tab";
      button.setAttribute("role", "tab");
      button.setAttribute("aria-controls", id);
      button.textContent = panel.getAttribute("data-tab-label");
      panel.id = id;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", button.id);
      panel.tabIndex = 0;
      list.appendChild(button);
      return button;
    });
    tabs.insertBefore(list, panels[0]);
    function select(index, focus) {
      buttons.forEach(function (button, other) {
        var chosen = other === index;
        button.setAttribute("aria-selected", chosen ? "true" : "false");
        button.tabIndex = chosen ? 0 : -1;
        panels[other].hidden = !chosen;
      });
      if (focus) buttons[index].focus();
    }
    function choose(index, focus) {
      var label = panels[index].getAttribute("data-tab-label");
      rememberTab(label);
      groups.forEach(function (group) { group.show(label); });
      select(index, focus);
    }
    buttons.forEach(function (button, index) {
      button.addEventListener("click", function () { choose(index, false); });
      button.addEventListener("keydown", function (event) {
        var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        choose((next + buttons.length) % buttons.length, true);
      });
    });
    var group = {
      show: function (label) {
        for (var index = 0; index < panels.length; index++) {
          if (panels[index].getAttribute("data-tab-label") === label) { select(index, false); return; }
        }
      }
    };
    groups.push(group);
    select(0, false);
    var remembered = storedTab();
    if (remembered !== null) group.show(remembered);
    tabs.classList.add("tabs-ready");
  });

  // A copy button on every code block, announced through one live region.
  var body = document.querySelector(".article-body[data-copy]");
  if (body) {
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    body.appendChild(status);
    body.querySelectorAll("pre").forEach(function (pre) {
      var wrap = document.createElement("div");
      wrap.className = "code-wrap";
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = body.getAttribute("data-copy");
      wrap.appendChild(button);
      button.addEventListener("click", function () {
        var text = pre.textContent;
        var done = function () {
          status.textContent = "";
          status.textContent = body.getAttribute("data-copied");
          button.textContent = body.getAttribute("data-copied");
          setTimeout(function () { button.textContent = body.getAttribute("data-copy"); }, 2000);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { copyBySelection(text) && done(); });
        } else if (copyBySelection(text)) {
          done();
        }
      });
    });
  }
  // Images shown smaller than they are open full size in a dialog: by click, or Enter or Space
  // on the focused image; Esc or the close button closes it and focus goes back to the image.
  if (body && typeof HTMLDialogElement === "function") {
    var dialog = document.createElement("dialog");
    dialog.className = "zoom";
    var closeButton = document.createElement("button");
    closeButton.type = "button";
    closeButton.className = "zoom-close";
    closeButton.textContent = body.getAttribute("data-zoom-close");
    var large = document.createElement("img");
    dialog.appendChild(closeButton);
    dialog.appendChild(large);
    document.body.appendChild(dialog);
    var opener = null;
    closeButton.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
    var offerZoom = function (image) {
      if (image.closest("a") || image.getAttribute("data-zoom") !== null) return;
      if (image.naturalWidth <= image.clientWidth + 1) return;
      image.setAttribute("data-zoom", "");
      image.tabIndex = 0;
      image.setAttribute("role", "button");
      image.setAttribute("aria-label", body.getAttribute("data-zoom") + ": " + image.alt);
      var open = function () {
        opener = image;
        large.src = image.currentSrc || image.src;
        large.alt = image.alt;
        dialog.showModal();
        closeButton.focus();
      };
      image.addEventListener("click", open);
      image.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
      });
    };
    body.querySelectorAll("img").forEach(function (image) {
      if (image.complete) offerZoom(image);
      else image.addEventListener("load", function () { offerZoom(image); });
    });
  }

  // "Was this helpful?": one vote per article per reader (kept in localStorage), sent as JSON
  // to the site's endpoint when it has one, and raised as a tebiki:feedback event either way.
  // From disk nothing is sent: a file:// page has no origin a receiver could trust.
  var feedback = document.querySelector("section.feedback");
  if (feedback) {
    var article = feedback.getAttribute("data-article");
    var voteKey = "tebiki.feedback." + article;
    var thanks = feedback.querySelector(".feedback-thanks");
    var choices = feedback.querySelector(".feedback-choices");
    var form = feedback.querySelector(".feedback-form");
    var support = feedback.querySelector(".feedback-support");
    var stored = null;
    try { stored = localStorage.getItem(voteKey); } catch (error) { stored = null; }
    var done = function (voted) {
      choices.hidden = true;
      form.hidden = true;
      thanks.textContent = thanks.getAttribute("data-thanks");
      // The button pressed is gone: keep the keyboard where the thanks are.
      if (voted) { thanks.setAttribute("tabindex", "-1"); thanks.focus(); }
    };
    var send = function (helpful, reason, comment) {
      var vote = {
        article: article, language: feedback.getAttribute("data-language"), helpful: helpful,
        reason: reason, comment: comment, url: location.protocol === "file:" ? null : location.href.replace(/[?#].*$/, "")
      };
      try { localStorage.setItem(voteKey, helpful ? "yes" : "no"); } catch (error) { /* private mode: the vote still counts */ }
      var endpoint = feedback.getAttribute("data-endpoint");
      if (endpoint && location.protocol !== "file:") {
        var body = JSON.stringify(vote);
        // text/plain keeps the request simple (no CORS preflight); the body is JSON.
        var queued = false;
        try { queued = navigator.sendBeacon && navigator.sendBeacon(endpoint, body); } catch (error) { queued = false; }
        if (!queued && window.fetch) {
          fetch(endpoint, { method: "POST", body: body, keepalive: true, mode: "no-cors", headers: { "Content-Type": "text/plain;charset=UTF-8" } })
            .catch(function () { /* the reader's vote is kept; the team misses one */ });
        }
      }
      try { document.dispatchEvent(new CustomEvent("tebiki:feedback", { detail: vote })); } catch (error) { /* a listener's error is its own */ }
      done(true);
    };
    if (stored) {
      done(false);
    } else {
      feedback.querySelectorAll(".feedback-choice").forEach(function (button) {
        button.addEventListener("click", function () {
          if (button.getAttribute("data-helpful") === "true") { send(true, null, null); return; }
          choices.hidden = true;
          form.hidden = false;
          if (support) support.hidden = false;
          var first = form.querySelector("input, textarea");
          if (first) first.focus();
        });
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = form.querySelector("input[type=radio]:checked");
        var comment = form.querySelector("textarea").value.trim();
        send(false, chosen ? chosen.value : null, comment ? comment.slice(0, 2000) : null);
      });
    }
    feedback.hidden = false;
  }

  // Where to start reading on a phone: the table of contents folds away below 48rem.
  var toc = document.querySelector("details.toc-disclosure");
  if (toc && window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 48rem)");
    var fit = function () { toc.open = !narrow.matches; };
    fit();
    if (narrow.addEventListener) narrow.addEventListener("change", fit);
  }

  // Printed, every details box is open; afterwards each is as the reader left it.
  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    closedForPrint = Array.from(document.querySelectorAll(".article-body details:not([open])"));
    closedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (details) { details.open = false; });
    closedForPrint = [];
  });

  // Where the clipboard API is missing or refused: copy from a selected, unseen text box.
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }
})();
