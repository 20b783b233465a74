// Added to every page by `tebiki serve` (never to a built site): reloads the page when the
// site changes and shows the build's problems over the page until they are fixed.
(function () {
  "use strict";
  var here = decodeURIComponent(location.pathname.slice(1)).replace(/index\.html$/, "");
  var overlay = null;

  function hideProblems() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function showProblems(problems) {
    hideProblems();
    overlay = document.createElement("div");
    overlay.id = "tebiki-problems";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "tebiki-problems-title");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
      "background:rgba(20,20,24,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
    var title = document.createElement("h2");
    title.id = "tebiki-problems-title";
    title.style.cssText = "margin:0 0 1rem;font:bold 18px/1.3 system-ui,sans-serif;color:#ff8a80";
    title.textContent = "The site did not build (" + problems.length + " error" + (problems.length === 1 ? "" : "s") +
      "). Still showing the last good version.";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding:0;list-style:none";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.className = "tebiki-problem";
      item.style.cssText = "margin:0 0 .75rem;white-space:pre-wrap;overflow-wrap:anywhere";
      var where = document.createElement("strong");
      where.textContent = problem.path + ":" + problem.line + ":" + problem.column + ": ";
      item.appendChild(where);
      item.appendChild(document.createTextNode(problem.severity + ": " + problem.message));
      list.appendChild(item);
    });
    overlay.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.style.cssText = "margin-top:1rem;font:inherit;padding:.4rem 1rem";
    close.addEventListener("click", hideProblems);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  var events = new EventSource("/__tebiki/events");
  // Marks the page as listening, for the writer's curiosity and for tests.
  events.addEventListener("open", function () { document.documentElement.setAttribute("data-tebiki-live", "connected"); });
  function reloadIfChanged(event) {
    var pages = JSON.parse(event.data);
    if (pages === null || pages.indexOf(here) >= 0) { location.reload(); }
  }
  events.addEventListener("reload", reloadIfChanged);
  events.addEventListener("settled", reloadIfChanged);
  events.addEventListener("problems", function (event) { showProblems(JSON.parse(event.data)); });
  events.addEventListener("ok", hideProblems);
})();
