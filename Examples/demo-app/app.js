// The demo's screens as a single-page app, as most business apps are: a link to another screen
// or the login form swaps the page's content for that screen's (each is also a page of its own,
// so an address opened directly works) and records the address with history.pushState; Back and
// Forward go through the same screens. The widget stays loaded and follows the route changes.
(function () {
  "use strict";
  var pages = {};
  function fetchPage(path) {
    if (!pages[path]) pages[path] = fetch(path).then(function (response) { return response.text(); });
    return pages[path];
  }
  function show(path, push) {
    fetchPage(path).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      document.title = next.title;
      document.body.className = next.body.className;
      // What the widget drew stays; the screen's own content is replaced.
      var kept = Array.prototype.filter.call(document.body.children, function (node) {
        return node.hasAttribute("data-tebiki-guide") || node.hasAttribute("data-tebiki-picker");
      });
      var content = Array.prototype.filter.call(next.body.childNodes, function (node) { return node.nodeName !== "SCRIPT"; });
      document.body.replaceChildren.apply(document.body, content.map(function (node) { return document.importNode(node, true); }).concat(kept));
      if (push) history.pushState({}, "", path);
      window.scrollTo(0, 0);
    });
  }
  function isScreen(url) { return url.origin === location.origin && /\.html$/.test(url.pathname) && !/\.menu-open\.html$/.test(url.pathname); }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    // The account menu is made when it is first opened: its items are not on the page until then.
    var button = event.target.closest && event.target.closest("#account-menu-button");
    if (button) {
      var open = document.querySelector(".account-menu");
      if (open) { open.remove(); button.setAttribute("aria-expanded", "false"); return; }
      var menu = document.createElement("ul");
      menu.className = "account-menu";
      menu.setAttribute("role", "menu");
      menu.innerHTML = '<li role="none"><a role="menuitem" href="settings.html">個人設定</a></li>' +
        '<li role="none"><a role="menuitem" id="logout" href="login.html">ログアウト</a></li>';
      button.parentNode.appendChild(menu);
      button.setAttribute("aria-expanded", "true");
      return;
    }
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target) return;
    var url = new URL(link.href, location.href);
    if (!isScreen(url)) return;
    event.preventDefault();
    show(url.pathname, true);
  });
  document.addEventListener("submit", function (event) {
    var url = new URL(event.target.getAttribute("action") || location.href, location.href);
    if (!isScreen(url)) return;
    event.preventDefault();
    show(url.pathname, true);
  });
  window.addEventListener("popstate", function () { show(location.pathname, false); });
})();
