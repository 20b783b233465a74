// Tebiki's element picker, loaded by widget/tebiki.js only when asked for (?tebiki-pick or
// tebiki.pick()). Point at an element of the product (or focus it and press Enter): it shows the
// most robust selector that names exactly that element, the screen's URL, and a YAML snippet
// ready for an article's front matter. It draws in a shadow root of its own and defines no name.
(function () {
  "use strict";
  if (document.querySelector("[data-tebiki-picker]")) return;
  var host = document.createElement("div");
  host.setAttribute("data-tebiki-picker", "");
  var root = host.attachShadow({ mode: "open" });
  var css = ":host{all:initial}*{box-sizing:border-box}" +
    ".mark{position:fixed;pointer-events:none;z-index:2147483003;border:2px solid #d6336c;background:rgba(214,51,108,.12);border-radius:3px}" +
    ".panel{position:fixed;left:1rem;bottom:1rem;z-index:2147483004;width:min(30rem,calc(100vw - 2rem));background:#fff;color:#1d2330;" +
    "font:14px/1.5 system-ui,-apple-system,'Hiragino Sans','Noto Sans JP',sans-serif;border-radius:10px;padding:1rem;box-shadow:0 8px 30px rgba(0,0,0,.3)}" +
    ".panel h2{font-size:1rem;margin:0 0 .5rem}.panel code{font:13px/1.4 ui-monospace,monospace;word-break:break-all}" +
    ".panel textarea{width:100%;font:13px/1.4 ui-monospace,monospace;border:1px solid #6b7280;border-radius:6px;padding:.4rem;margin:.5rem 0;color:#1d2330;background:#fff}" +
    ".row{display:flex;gap:.5rem;flex-wrap:wrap}button{font:inherit;border-radius:6px;border:1px solid #2f6fde;background:#fff;color:#1f4fa8;padding:.35rem .9rem;cursor:pointer;min-height:2.25rem}" +
    "button.primary{background:#2f6fde;color:#fff}button:focus-visible,textarea:focus-visible{outline:3px solid #f0a500;outline-offset:2px}" +
    "@media (prefers-color-scheme:dark){.panel{background:#1f2430;color:#e8ebf2}.panel textarea{background:#151922;color:#e8ebf2}button{background:#1f2430;color:#b9cfff}button.primary{background:#2757b8;color:#fff}}";
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    var style = document.createElement("style");
    var script = document.currentScript;
    if (script && script.nonce) style.nonce = script.nonce;
    style.textContent = css;
    root.appendChild(style);
  }
  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }
  var mark = el("div", "mark");
  var panel = el("div", "panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "tebiki-pick-title");
  var title = el("h2", "", "Tebiki: point at an element, or focus it and press Enter");
  title.id = "tebiki-pick-title";
  var result = el("p", "", "Esc ends picking.");
  result.setAttribute("aria-live", "polite");
  var yaml = el("textarea");
  yaml.readOnly = true;
  yaml.rows = 3;
  yaml.hidden = true;
  yaml.setAttribute("aria-label", "YAML for the article's front matter");
  var row = el("div", "row");
  var copy = el("button", "primary", "Copy YAML"), again = el("button", "", "Pick another"), done = el("button", "", "Close");
  copy.type = again.type = done.type = "button";
  copy.hidden = again.hidden = true;
  row.appendChild(copy); row.appendChild(again); row.appendChild(done);
  panel.appendChild(title); panel.appendChild(result); panel.appendChild(yaml); panel.appendChild(row);
  root.appendChild(mark); root.appendChild(panel);
  document.body.appendChild(host);

  // Every element a selector names; `host >>> inner` looks inside host's shadow root, as the widget does.
  function queryAll(selector) {
    var parts = selector.split(">>>"), found = [document];
    for (var i = 0; i < parts.length; i++) {
      var next = [];
      found.forEach(function (scope) {
        var within = i === 0 ? scope : scope.shadowRoot;
        if (within) Array.prototype.push.apply(next, within.querySelectorAll(parts[i].trim()));
      });
      found = next;
    }
    return found;
  }
  function quote(value) { return "\"" + String(value).replace(/\\/g, "\\\\").replace(/"/g, "\\\"") + "\""; }
  // Within one tree (the document or a shadow root): the first of these that names only `element`.
  function within(element, scope) {
    function unique(selector) {
      try { var all = scope.querySelectorAll(selector); return all.length === 1 && all[0] === element; } catch (e) { return false; }
    }
    var tag = element.tagName.toLowerCase();
    var tries = [];
    if (element.id) tries.push("#" + CSS.escape(element.id));
    ["data-testid", "data-test", "data-test-id", "data-cy"].forEach(function (name) {
      if (element.hasAttribute(name)) tries.push("[" + name + "=" + quote(element.getAttribute(name)) + "]");
    });
    if (element.getAttribute("name")) tries.push(tag + "[name=" + quote(element.getAttribute("name")) + "]");
    if (element.getAttribute("aria-label")) tries.push(tag + "[aria-label=" + quote(element.getAttribute("aria-label")) + "]");
    for (var i = 0; i < tries.length; i++) if (unique(tries[i])) return tries[i];
    // A short path: each step the element's place among its kind, anchored at an id when one is near.
    var steps = [], current = element;
    while (current && current.nodeType === 1) {
      var step = current.tagName.toLowerCase();
      if (current !== element && current.id) { steps.unshift("#" + CSS.escape(current.id)); if (unique(steps.join(" > "))) return steps.join(" > "); break; }
      var parent = current.parentElement || current.parentNode;
      if (parent && parent.children) {
        var same = Array.prototype.filter.call(parent.children, function (child) { return child.tagName === current.tagName; });
        if (same.length > 1) step += ":nth-of-type(" + (same.indexOf(current) + 1) + ")";
      }
      steps.unshift(step);
      if (unique(steps.join(" > "))) return steps.join(" > ");
      current = current.parentElement;
    }
    return steps.join(" > ");
  }
  function selectorFor(element) {
    var scope = element.getRootNode();
    if (scope instanceof ShadowRoot) return selectorFor(scope.host) + " >>> " + within(element, scope);
    return within(element, document);
  }
  function ours(element) { return element === host || (element && element.getRootNode && element.getRootNode().host === host); }
  function show(element) {
    if (!element || ours(element)) { mark.hidden = true; return; }
    var rect = element.getBoundingClientRect();
    mark.hidden = false;
    mark.style.top = rect.top - 2 + "px"; mark.style.left = rect.left - 2 + "px";
    mark.style.width = rect.width + 4 + "px"; mark.style.height = rect.height + 4 + "px";
  }
  function deepest(x, y) {
    var element = document.elementFromPoint(x, y);
    while (element && element.shadowRoot) {
      var inner = element.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === element) break;
      element = inner;
    }
    return element;
  }
  var picking = true;
  function choose(element) {
    var selector = selectorFor(element);
    var matched = queryAll(selector);
    var url = location.pathname;
    picking = false;
    show(element);
    result.textContent = (matched.length === 1 && matched[0] === element ? "Matches exactly this element: " : "Could not make a unique selector: ") + selector;
    yaml.value = "product: {url: " + quote(url) + ", selector: " + quote(selector) + "}";
    yaml.hidden = copy.hidden = again.hidden = false;
    host.setAttribute("data-selector", selector);
    copy.focus();
  }
  function onMove(event) { if (picking) show(deepest(event.clientX, event.clientY)); }
  function onClick(event) {
    if (!picking || ours(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    choose(deepest(event.clientX, event.clientY));
  }
  function onFocus(event) { if (picking && !ours(event.target)) show(event.composedPath()[0] || event.target); }
  function onKey(event) {
    if (event.key === "Escape") { end(); return; }
    if (picking && event.key === "Enter" && !ours(event.target)) {
      event.preventDefault();
      event.stopPropagation();
      var focused = event.composedPath()[0] || document.activeElement;
      choose(focused);
    }
  }
  function end() {
    document.removeEventListener("mousemove", onMove, true);
    document.removeEventListener("click", onClick, true);
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("keydown", onKey, true);
    host.remove();
  }
  copy.addEventListener("click", function () {
    var text = yaml.value;
    function copied() { result.textContent = "Copied. Paste it under a tour step or a hint."; }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(copied, function () { yaml.select(); document.execCommand("copy"); copied(); });
    } else { yaml.select(); document.execCommand("copy"); copied(); }
  });
  again.addEventListener("click", function () {
    picking = true;
    yaml.hidden = copy.hidden = again.hidden = true;
    result.textContent = "Esc ends picking.";
  });
  done.addEventListener("click", end);
  document.addEventListener("mousemove", onMove, true);
  document.addEventListener("click", onClick, true);
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("keydown", onKey, true);
})();
