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
})();
