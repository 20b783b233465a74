// Tebiki's guide: guided tours and hints. On an article page it reads the article's tour and
// hints from the page; built into widget/tebiki.js it carries every tour and hint for the
// product's screens and shows them there, with a help button. Everything it draws lives in a
// shadow root, so the page's styles and the guide's never meet; its one global name is
// `tebiki` (events, identify), left alone when the page already has one.
(function (widgetData) {
  "use strict";
  var script = document.currentScript;
  var data = widgetData;
  if (!data) {
    var holder = document.getElementById("tebiki-guide");
    if (!holder) return;
    try { data = JSON.parse(holder.textContent); } catch (e) { return; }
  }
  var product = data.mode === "product";
  var strings = data.strings || {};
  // The help centre's root, from this script's own address (…/widget/tebiki.js).
  var base = product && script && script.src ? new URL("../", script.src).href : "";
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // What the guide does, as CustomEvents on document (tebiki:tour, tebiki:hint, tebiki:help) and
  // to callbacks given to tebiki.on; a listener that throws never reaches the guide or the page.
  var callbacks = {};
  function emit(name, detail) {
    try { document.dispatchEvent(new CustomEvent("tebiki:" + name, { detail: detail })); } catch (e) { /* a listener's own */ }
    (callbacks[name] || []).slice().forEach(function (callback) { try { callback(detail); } catch (e) { /* a callback's own */ } });
  }
  // Who the reader is, as the product says: data-user-* on the script tag, window.tebikiUser,
  // tebiki.identify(). Never sent anywhere: it only chooses what the reader is shown.
  var user = {};
  var booted = false;
  function identify(values) {
    if (!values || typeof values !== "object") return;
    Object.keys(values).forEach(function (key) { user[key] = values[key] == null ? undefined : String(values[key]); });
    if (booted) routeChanged();
  }
  if (script && script.dataset) {
    Object.keys(script.dataset).forEach(function (key) {
      if (/^user[A-Z]/.test(key)) user[key.charAt(4).toLowerCase() + key.slice(5)] = script.dataset[key];
    });
  }
  try { if (window.tebikiUser) identify(window.tebikiUser); } catch (e) { /* a page's getter may throw */ }
  function forReader(audience) {
    if (!audience) return true;
    return Object.keys(audience).every(function (key) { return audience[key].indexOf(user[key]) >= 0; });
  }
  if (!("tebiki" in window)) {
    try {
      Object.defineProperty(window, "tebiki", { configurable: true, value: Object.freeze({
        on: function (name, callback) {
          var key = String(name).replace(/^tebiki:/, "");
          if (typeof callback !== "function") return function () {};
          (callbacks[key] = callbacks[key] || []).push(callback);
          return function () { callbacks[key] = (callbacks[key] || []).filter(function (c) { return c !== callback; }); };
        },
        identify: function (values) { identify(values); },
        check: function () { return checkScreen ? checkScreen() : []; },
        pick: function () { pick(); }
      }) });
    } catch (e) { /* a page that froze window: the events still fire */ }
  }

  function t(key, values) {
    var text = strings[key] || key;
    for (var name in values || {}) text = text.split("{" + name + "}").join(String(values[name]));
    return text;
  }
  function remember(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem("tebiki:" + key);
      window.localStorage.setItem("tebiki:" + key, value);
    } catch (e) { return null; }
    return null;
  }
  // Every element a selector names; `host >>> inner` looks inside host's open shadow root.
  function queryAll(selector) {
    var parts = String(selector).split(">>>"), found = [document];
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
  function find(selector) {
    try {
      var element = queryAll(selector)[0];
      return element && element.getClientRects().length ? element : null;
    } catch (e) { return null; }
  }
  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }
  function matches(pattern) {
    return globMatches(pattern, /^https?:/.test(pattern) ? location.href.split("#")[0] : location.pathname);
  }
  // "*" stands for any run of characters. The parts between stars are found left to right,
  // each at its first place after the previous one, which is never worse than a later place:
  // no backtracking, so a pattern of many stars cannot freeze the page (a regular expression
  // of ".*" runs took seconds for ten stars).
  function globMatches(pattern, subject) {
    var parts = pattern.split("*");
    var first = parts[0], last = parts[parts.length - 1];
    if (parts.length === 1) return pattern === subject;
    if (subject.length < first.length + last.length || subject.slice(0, first.length) !== first ||
        subject.slice(subject.length - last.length) !== last) return false;
    var at = first.length, end = subject.length - last.length;
    for (var i = 1; i < parts.length - 1; i++) {
      var found = subject.indexOf(parts[i], at);
      if (found < 0 || found + parts[i].length > end) return false;
      at = found + parts[i].length;
    }
    return true;
  }
  // Links in a step or hint were written from the article page: make them absolute in the product.
  function fill(element, html, articleURL) {
    element.innerHTML = html;
    if (!product) return;
    Array.prototype.forEach.call(element.querySelectorAll("a[href], img[src]"), function (node) {
      var attribute = node.tagName === "A" ? "href" : "src";
      node.setAttribute(attribute, new URL(node.getAttribute(attribute), base + articleURL).href);
      if (node.tagName === "A") { node.target = "_blank"; node.rel = "noopener"; }
    });
  }

  var host = el("div");
  host.setAttribute("data-tebiki-guide", "");
  var root = host.attachShadow({ mode: "open" });
  var css =
    ":host{all:initial}*{box-sizing:border-box}" +
    ".layer{font:15px/1.6 system-ui,-apple-system,'Hiragino Sans','Noto Sans JP','Yu Gothic UI',sans-serif;color:#1d2330}" +
    ".spot{position:fixed;border-radius:6px;box-shadow:0 0 0 3px #2f6fde,0 0 0 9999px rgba(10,16,30,.45);pointer-events:none;z-index:2147483000;transition:all .2s}" +
    ".pop{position:fixed;z-index:2147483001;width:min(22rem,calc(100vw - 2rem));background:#fff;border-radius:10px;padding:1rem 1.1rem;box-shadow:0 8px 30px rgba(0,0,0,.3);outline:none}" +
    ".pop:focus-visible{outline:3px solid #2f6fde;outline-offset:2px}" +
    ".pop h2{margin:0 2rem .4rem 0;font-size:1.05rem;line-height:1.4;word-break:keep-all;overflow-wrap:anywhere}" +
    "@supports (word-break:auto-phrase){.pop h2{word-break:auto-phrase}}" +
    ".pop p,.pop .body{margin:0 0 .8rem}.hint p{margin-right:1.6rem}" +
    ".pop a{color:#1f5fcf}.row{display:flex;align-items:center;gap:.5rem;flex-wrap:wrap}.progress{margin-right:auto;color:#555;font-size:.9rem}" +
    "button{font:inherit;border-radius:6px;border:1px solid #2f6fde;background:#fff;color:#1f4fa8;padding:.35rem .9rem;cursor:pointer;min-height:2.25rem}" +
    "button.primary{background:#2f6fde;color:#fff}button:disabled{opacity:.45;cursor:default}" +
    "button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #f0a500;outline-offset:2px}" +
    ".close{position:absolute;top:.5rem;right:.5rem;border:0;padding:0;width:2rem;height:2rem;min-height:0;font-size:1.2rem;line-height:1}" +
    ".beacon{position:fixed;z-index:2147482999;width:1.5rem;height:1.5rem;min-height:0;padding:0;border-radius:50%;border:2px solid #fff;background:#2f6fde;color:#fff;font-weight:bold;font-size:.85rem;box-shadow:0 0 0 0 rgba(47,111,222,.6);animation:pulse 2s infinite}" +
    "@keyframes pulse{70%{box-shadow:0 0 0 10px rgba(47,111,222,0)}100%{box-shadow:0 0 0 0 rgba(47,111,222,0)}}" +
    ".help{position:fixed;right:1rem;bottom:1rem;z-index:2147482998;border-radius:2rem;padding:.5rem 1.1rem;background:#2f6fde;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
    ".panel{position:fixed;right:1rem;bottom:4.2rem;z-index:2147483001;width:min(22rem,calc(100vw - 2rem));max-height:70vh;overflow:auto;background:#fff;border-radius:10px;padding:1rem;box-shadow:0 8px 30px rgba(0,0,0,.3)}" +
    ".panel h2{font-size:1rem;margin:0 2rem .5rem 0}.panel ul{margin:0 0 .8rem;padding-left:1.1rem}.panel li{margin:.3rem 0}" +
    ".panel form{display:flex;gap:.4rem;margin:.5rem 0}.panel input{flex:1;min-width:0;font:inherit;padding:.35rem .5rem;border:1px solid #8a93a6;border-radius:6px}" +
    ".backdrop{position:fixed;inset:0;z-index:2147483002;background:rgba(10,16,30,.5);display:flex;align-items:center;justify-content:center;padding:1rem}" +
    ".notice{position:relative;width:min(28rem,100%);max-height:90vh;overflow:auto;background:#fff;border-radius:10px;padding:1.2rem;box-shadow:0 8px 30px rgba(0,0,0,.35)}" +
    ".notice img{max-width:100%;height:auto;display:block;margin:0 0 .8rem}.notice h2,.banner strong{word-break:keep-all;overflow-wrap:anywhere}" +
    ".notice h2{margin:0 2rem .5rem 0;font-size:1.15rem;line-height:1.4}" +
    ".banner{position:fixed;top:0;left:0;right:0;z-index:2147483002;background:#fff8e1;color:#1d2330;border-bottom:2px solid #b37400;padding:.6rem 3rem .6rem 1rem;display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}" +
    ".banner .close{top:.4rem}" +
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
    "@media (max-width:600px){.pop{left:.5rem!important;right:.5rem;bottom:.5rem;top:auto!important;width:auto}}" +
    "@media (prefers-reduced-motion:reduce){.spot{transition:none}.beacon{animation:none}}" +
    "@media (prefers-color-scheme:dark){.layer{color:#e8ebf2}.pop,.panel{background:#1f2430}.pop a,.panel a{color:#8db4ff}.progress{color:#b8bfcc}" +
    ".notice{background:#1f2430}.banner{background:#2b2512;color:#f4ead0}.notice a,.banner a{color:#8db4ff}" +
    "button{background:#1f2430;color:#b9cfff}button.primary{background:#2757b8;color:#fff}.panel input{background:#151922;color:#e8ebf2}}";
  var layer = el("div", "layer");
  var live = el("div", "sr");
  live.setAttribute("aria-live", "polite");
  layer.appendChild(live);
  // A constructed stylesheet, which a strict Content-Security-Policy (style-src without
  // 'unsafe-inline') allows; where there is none, a <style> with the script tag's nonce.
  var sheet = null;
  try {
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    }
  } catch (e) { sheet = null; }
  if (!sheet) {
    var style = el("style");
    if (script && script.nonce) style.nonce = script.nonce;
    style.textContent = css;
    root.appendChild(style);
  }
  root.appendChild(layer);

  var listeners = [];
  function onChange(callback) { listeners.push(callback); }
  var scheduled = false;
  function changed() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      listeners.forEach(function (callback) { try { callback(); } catch (e) { /* never break the page */ } });
    });
  }

  // Places `box` beside `rect`: below it when there is room, else above, kept on screen.
  function place(box, rect) {
    var gap = 12, height = box.offsetHeight, width = box.offsetWidth;
    var top = rect.bottom + gap + height <= window.innerHeight ? rect.bottom + gap : Math.max(8, rect.top - gap - height);
    box.style.top = Math.round(top) + "px";
    box.style.left = Math.round(Math.min(Math.max(8, rect.left), window.innerWidth - width - 8)) + "px";
  }

  // Waits for a target to be on the page (it may come later, in a single-page app).
  function waitFor(selector, timeout, callback) {
    var found = find(selector);
    if (found || timeout <= 0) { callback(found); return; }
    var done = false;
    var observer = new MutationObserver(function () {
      var element = find(selector);
      if (element && !done) { done = true; observer.disconnect(); callback(element); }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    setTimeout(function () { if (!done) { done = true; observer.disconnect(); callback(find(selector)); } }, timeout);
  }

  // --- Tours -------------------------------------------------------------------------------
  var active = null;
  var pausedNote = null;

  function runTour(tour, options) {
    if (active) active.end(false);
    var steps = tour.steps, index = -1, direction = 1, returnTo = document.activeElement;
    var tourID = options.id || "";
    var spot = el("div", "spot"), pop = el("div", "pop"), current = null, token = 0;
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-modal", "false");
    pop.setAttribute("aria-labelledby", "tebiki-step-title");
    pop.tabIndex = -1;
    var title = el("h2"); title.id = "tebiki-step-title";
    var body = el("div", "body");
    var row = el("div", "row"), progress = el("span", "progress");
    var back = el("button", "", t("tourBack")), next = el("button", "primary", t("tourNext"));
    var close = el("button", "close", "×");
    back.type = next.type = close.type = "button";
    close.setAttribute("aria-label", t("tourClose"));
    row.appendChild(progress); row.appendChild(back); row.appendChild(next);
    pop.appendChild(close); pop.appendChild(title); pop.appendChild(body); pop.appendChild(row);
    back.addEventListener("click", function () { go(index - 1, -1); });
    next.addEventListener("click", function () { if (index === steps.length - 1) finish(true); else go(index + 1, 1); });
    close.addEventListener("click", function () { finish(false); });
    pop.addEventListener("keydown", function (event) { if (event.key === "Tab") trapTab(event); });

    function trapTab(event) {
      var stops = [close, back, next].filter(function (button) { return !button.disabled; });
      var at = stops.indexOf(root.activeElement);
      if (event.shiftKey && at <= 0) { stops[stops.length - 1].focus(); event.preventDefault(); }
      else if (!event.shiftKey && at === stops.length - 1) { stops[0].focus(); event.preventDefault(); }
    }
    function keys(event) {
      if (event.key === "Escape") { event.preventDefault(); finish(false); return; }
      var typing = event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName || "") && event.target !== host;
      if (typing || event.target.isContentEditable) return;
      if (event.key === "ArrowRight") { event.preventDefault(); next.click(); }
      if (event.key === "ArrowLeft" && index > 0) { event.preventDefault(); go(index - 1, -1); }
    }
    function reposition() {
      if (!current || !current.isConnected || !pop.isConnected) return;
      var rect = current.getBoundingClientRect();
      spot.style.top = rect.top - 6 + "px"; spot.style.left = rect.left - 6 + "px";
      spot.style.width = rect.width + 12 + "px"; spot.style.height = rect.height + 12 + "px";
      place(pop, rect);
    }
    function go(target, step) {
      direction = step;
      var mine = ++token;
      if (target < 0 || target >= steps.length) { finish(direction > 0); return; }
      // The next step is on another screen of the product: wait there for the reader.
      if (options.pause && steps[target].url && !matches(steps[target].url)) { options.pause(target); pause(steps[target]); return; }
      var wait = steps[target].wait != null ? steps[target].wait : options.wait;
      waitFor(steps[target].selector, wait, function (element) {
        if (mine !== token || !active) return;
        // A step whose target never appears is skipped, in the direction the reader was going.
        if (!element) {
          emit("tour", { action: "skip", tour: tourID, step: target + 1, selector: steps[target].selector });
          index = target; go(target + direction, direction); return;
        }
        show(target, element);
      });
    }
    // Waiting for the reader on another screen; a step that names its screen's address gets a link there.
    function pause(next) {
      active = null; token++;
      document.removeEventListener("keydown", keys, true);
      spot.remove(); pop.remove();
      if (!next.open) return;
      var note = el("div", "pop next-screen");
      note.setAttribute("role", "dialog");
      note.setAttribute("aria-label", t("tourGoNext"));
      note.tabIndex = -1;
      note.appendChild(el("p", "", t("tourNextScreen", { title: next.title })));
      var go = el("a", "", t("tourGoNext"));
      go.href = new URL(next.open, location.href).href;
      var shut = el("button", "close", "×"); shut.type = "button"; shut.setAttribute("aria-label", t("tourClose"));
      shut.addEventListener("click", function () { note.remove(); });
      note.addEventListener("keydown", function (event) { if (event.key === "Escape") note.remove(); });
      note.appendChild(shut); note.appendChild(go);
      layer.appendChild(note);
      note.style.top = "auto"; note.style.bottom = "1rem"; note.style.right = "1rem"; note.style.left = "auto";
      pausedNote = note;
      note.focus();
    }
    function show(target, element) {
      index = target; current = element;
      var step = steps[index];
      title.textContent = step.title;
      fill(body, step.html, options.articleURL || "");
      progress.textContent = t("tourProgress", { i: index + 1, n: steps.length });
      back.disabled = index === 0;
      next.textContent = index === steps.length - 1 ? t("tourDone") : t("tourNext");
      element.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
      if (!pop.isConnected) { layer.appendChild(spot); layer.appendChild(pop); }
      pop.setAttribute("data-step", String(index + 1));
      reposition();
      setTimeout(reposition, reduceMotion ? 0 : 350);
      pop.focus();
      live.textContent = t("tourAnnounce", { i: index + 1, n: steps.length, title: step.title });
      emit("tour", { action: "step", tour: tourID, step: index + 1, steps: steps.length, title: step.title });
    }
    function finish(completed) {
      emit("tour", completed ? { action: "complete", tour: tourID, steps: steps.length }
                             : { action: "dismiss", tour: tourID, step: index + 1, steps: steps.length });
      active = null; token++;
      document.removeEventListener("keydown", keys, true);
      spot.remove(); pop.remove();
      live.textContent = t("tourEnded");
      if (options.onEnd) options.onEnd(completed);
      if (returnTo && returnTo.focus && returnTo.isConnected) returnTo.focus();
    }
    active = { end: finish, id: tourID };
    document.addEventListener("keydown", keys, true);
    onChange(reposition);
    if (pausedNote) { pausedNote.remove(); pausedNote = null; }
    if (!options.resume) emit("tour", { action: "start", tour: tourID, steps: steps.length });
    go(options.from || 0, 1);
  }

  // --- Hints ---------------------------------------------------------------------------------
  var openHint = null;
  function addHint(hint, label, articleURL, article) {
    var beacon = el("button", "beacon", "?"), pop = null;
    beacon.type = "button";
    beacon.setAttribute("aria-label", t("hintLabel") + ": " + label);
    beacon.setAttribute("aria-expanded", "false");
    beacon.hidden = true;
    layer.appendChild(beacon);
    var target = null;
    function close(returnFocus) {
      if (!pop) return;
      pop.remove(); pop = null; openHint = null;
      beacon.setAttribute("aria-expanded", "false");
      if (returnFocus) beacon.focus();
    }
    beacon.addEventListener("click", function () {
      if (pop) { close(false); return; }
      if (openHint) openHint(false);
      pop = el("div", "pop hint");
      pop.setAttribute("role", "dialog");
      pop.setAttribute("aria-label", t("hintLabel"));
      pop.tabIndex = -1;
      var text = el("p"); fill(text, hint.html, articleURL); pop.appendChild(text);
      if (product) {
        var more = el("a", "", t("hintRead"));
        more.href = base + articleURL; more.target = "_blank"; more.rel = "noopener";
        pop.appendChild(more);
      }
      var closer = el("button", "close", "×"); closer.type = "button"; closer.setAttribute("aria-label", t("tourClose"));
      closer.addEventListener("click", function () { close(true); });
      pop.insertBefore(closer, pop.firstChild);
      pop.addEventListener("keydown", function (event) { if (event.key === "Escape") close(true); });
      layer.appendChild(pop);
      beacon.setAttribute("aria-expanded", "true");
      openHint = close;
      emit("hint", { action: "open", article: article || data.id || "", selector: hint.selector });
      place(pop, beacon.getBoundingClientRect());
      pop.focus();
    });
    beacon.addEventListener("keydown", function (event) { if (event.key === "Escape") close(true); });
    function update() {
      var wanted = (!hint.url || matches(hint.url)) && forReader(hint.audience);
      if (!target || !target.isConnected || !target.getClientRects().length) target = wanted ? find(hint.selector) : null;
      if (!wanted || !target) { beacon.hidden = true; close(false); return; }
      var rect = target.getBoundingClientRect();
      beacon.hidden = false;
      // Just right of the target, level with its first line, so it covers none of its text.
      beacon.style.top = Math.round(rect.top + Math.min(rect.height, 24) / 2 - 12) + "px";
      beacon.style.left = Math.round(Math.min(rect.right + 4, window.innerWidth - 30)) + "px";
      if (pop) place(pop, beacon.getBoundingClientRect());
    }
    onChange(update);
  }

  // --- Start ---------------------------------------------------------------------------------
  function boot() {
    document.body.appendChild(host);
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) if (!host.contains(records[i].target)) { changed(); return; }
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
    window.addEventListener("scroll", changed, { passive: true, capture: true });
    window.addEventListener("resize", changed);
    followRoutes();
    if (product) bootProduct(); else bootPage();
    booted = true;
    changed();
  }

  // A single-page app changes screens without loading a page: pushState, replaceState,
  // popstate and hashchange all count as a new screen. The product's own history functions
  // (even ones it replaced itself) are called as before; the guide only listens after them.
  var routeChanged = function () { changed(); };
  var checkScreen = null;
  // The element picker is a script of its own, loaded from the help centre only when asked for.
  function pick() {
    if (!product || document.querySelector("[data-tebiki-picker], script[data-tebiki-pick]")) return;
    var loader = document.createElement("script");
    loader.src = base + "assets/pick.js";
    loader.setAttribute("data-tebiki-pick", "");
    if (script && script.nonce) loader.nonce = script.nonce;
    (document.head || document.body).appendChild(loader);
  }
  function followRoutes() {
    var lastPath = location.pathname + location.search + location.hash;
    function check() {
      var path = location.pathname + location.search + location.hash;
      if (path === lastPath) return;
      lastPath = path;
      try { routeChanged(); } catch (e) { /* never break the product */ }
    }
    ["pushState", "replaceState"].forEach(function (name) {
      var original = history[name];
      if (typeof original !== "function") return;
      try {
        history[name] = function () {
          var result = original.apply(this, arguments);
          check();
          return result;
        };
      } catch (e) { /* a frozen history: popstate and hashchange still work */ }
    });
    window.addEventListener("popstate", check);
    window.addEventListener("hashchange", check);
  }

  function bootPage() {
    (data.hints || []).forEach(function (hint) {
      addHint(hint, hint.html.replace(/<[^>]*>/g, ""), "");
    });
    var button = document.querySelector("[data-tour-start]");
    if (!data.tour || !button) return;
    var key = "tour:" + data.id;
    function mark() {
      var seen = remember(key) === "done";
      button.setAttribute("data-tour-seen", seen ? "true" : "false");
      var badge = button.querySelector(".tour-new");
      if (!seen && !badge) { badge = el("span", "tour-new", t("tourNew")); button.appendChild(badge); }
      if (seen && badge) badge.remove();
    }
    mark();
    button.parentNode.hidden = false;
    button.hidden = false;
    button.addEventListener("click", function () {
      runTour(data.tour, { wait: 0, id: data.id, onEnd: function () { remember(key, "done"); mark(); } });
    });
  }

  function bootProduct() {
    var articles = data.articles || [];
    (data.hints || []).forEach(function (hint) {
      addHint(hint, articles[hint.article].title, articles[hint.article].url, articles[hint.article].id);
    });
    // Announcements: one modal and one banner at a time, on the screens their url matches,
    // between their dates (by the reader's clock), for their audience; remembered once shown
    // (or, with once: false, once closed).
    var notices = { modal: null, banner: null };
    function showAnnouncements() {
      Object.keys(notices).forEach(function (style) {
        var open = notices[style];
        if (open && (!matches(open.announcement.url) || !forReader(open.announcement.audience))) open.close("route");
      });
      var now = Date.now();
      (data.announcements || []).forEach(function (announcement) {
        var style = announcement.style === "banner" ? "banner" : "modal";
        if (notices[style] || !matches(announcement.url) || !forReader(announcement.audience)) return;
        if ((announcement.from && now < announcement.from) || (announcement.until && now >= announcement.until)) return;
        if (remember("announcement:" + announcement.id)) return;
        if (style === "modal" && active) return;
        notices[style] = announce(announcement, style);
      });
    }
    function announce(announcement, style) {
      var article = articles[announcement.article];
      var returnTo = document.activeElement;
      var box = el("div", style === "banner" ? "banner" : "notice");
      var heading = el(style === "banner" ? "strong" : "h2", "", announcement.title);
      heading.id = "tebiki-announcement-" + style;
      var closer = el("button", "close", "×"); closer.type = "button"; closer.setAttribute("aria-label", t("announcementClose"));
      box.appendChild(closer);
      if (announcement.image && style !== "banner") { var picture = el("div"); fill(picture, announcement.image, article.url); box.appendChild(picture); }
      box.appendChild(heading);
      var text = el(style === "banner" ? "span" : "div", "body"); fill(text, announcement.html, article.url); box.appendChild(text);
      var row = el("div", "row");
      if (announcement.action) {
        var holder = el("span"); fill(holder, announcement.action, article.url);
        var link = holder.querySelector("a");
        if (link) {
          link.addEventListener("click", function () { emit("announcement", { action: "action", id: announcement.id, url: link.href }); close("action"); });
          row.appendChild(link);
        }
      } else if (announcement.tour) {
        var go = el("button", "primary", announcement.label || t("tourStart")); go.type = "button";
        go.addEventListener("click", function () {
          emit("announcement", { action: "action", id: announcement.id, tour: article.id });
          close("action");
          var entry = (data.tours || []).filter(function (tour) { return tour.id === article.id; })[0];
          if (entry) start({ tour: entry }, false);
        });
        row.appendChild(go);
      }
      if (style !== "banner") { var dismiss = el("button", "", t("announcementClose")); dismiss.type = "button"; dismiss.addEventListener("click", function () { close("dismiss"); }); row.appendChild(dismiss); }
      if (row.firstChild) box.appendChild(row);
      var outer = box;
      if (style === "banner") {
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", t("announcementLabel") + ": " + announcement.title);
      } else {
        box.setAttribute("role", "dialog");
        box.setAttribute("aria-modal", "true");
        box.setAttribute("aria-labelledby", heading.id);
        box.tabIndex = -1;
        outer = el("div", "backdrop");
        outer.appendChild(box);
        box.addEventListener("keydown", function (event) {
          if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); close("dismiss"); return; }
          if (event.key !== "Tab") return;
          // Focus stays in the dialog while it is open.
          var stops = Array.prototype.filter.call(box.querySelectorAll("button, a[href]"), function (node) { return node.getClientRects().length; });
          var at = stops.indexOf(root.activeElement);
          if (event.shiftKey && at <= 0) { stops[stops.length - 1].focus(); event.preventDefault(); }
          else if (!event.shiftKey && at === stops.length - 1) { stops[0].focus(); event.preventDefault(); }
        });
      }
      closer.addEventListener("click", function () { close("dismiss"); });
      layer.appendChild(outer);
      if (announcement.once !== false) remember("announcement:" + announcement.id, "shown");
      if (style !== "banner") { var first = box.querySelector("a[href], button.primary") || closer; first.focus(); }
      live.textContent = t("announcementLabel") + ": " + announcement.title;
      emit("announcement", { action: "shown", id: announcement.id, style: style });
      var closed = false;
      function close(why) {
        if (closed) return;
        closed = true;
        outer.remove();
        notices[style] = null;
        if (why !== "route") remember("announcement:" + announcement.id, "closed");
        if (why === "dismiss") emit("announcement", { action: "dismissed", id: announcement.id });
        if (style !== "banner" && returnTo && returnTo.focus && returnTo.isConnected && why !== "action") returnTo.focus();
      }
      return { announcement: announcement, close: close };
    }

    // A tour is offered on the screen of its first step; one paused for another screen goes on there.
    function toursHere() {
      return (data.tours || []).filter(function (tour) { return forReader(tour.audience) && matches(tour.steps[0].url); })
        .map(function (tour) { return { tour: tour }; });
    }
    function start(entry, automatic, from, resume) {
      if (automatic) remember("auto:" + entry.tour.id + ":" + location.pathname, "1");
      remember("paused:" + entry.tour.id, "");
      runTour({ steps: entry.tour.steps }, {
        wait: 3000, id: entry.tour.id, from: from, resume: resume, articleURL: articles[entry.tour.article].url,
        // The next step is on another screen: it goes on when the reader gets there.
        pause: function (next) { remember("paused:" + entry.tour.id, String(next)); },
        onEnd: function () { remember("tour:" + entry.tour.id, "done"); }
      });
    }
    // Each screen (a page load, or a route change in a single-page app): a tour paused for this
    // screen goes on; else a tour to start by itself that the reader has not seen.
    routeChanged = function () {
      changed();
      showAnnouncements();
      // A pop-up asks for the reader's attention: a tour starts on the next screen, not under it.
      if (active || notices.modal) return;
      var tours = (data.tours || []).filter(function (tour) { return forReader(tour.audience); });
      for (var i = 0; i < tours.length; i++) {
        var paused = remember("paused:" + tours[i].id);
        if (paused && tours[i].steps[+paused] && matches(tours[i].steps[+paused].url)) { start({ tour: tours[i] }, false, +paused, true); return; }
      }
      toursHere().forEach(function (entry) {
        if (entry.tour.autostart && !remember("tour:" + entry.tour.id) && !remember("auto:" + entry.tour.id + ":" + location.pathname)) {
          if (!active) start(entry, true);
        }
      });
    };
    // Check mode (?tebiki-check, or tebiki.check()): every step, hint and announcement for this
    // screen, and whether its element is on the page once (several count as a problem too).
    checkScreen = function () {
      var old = root.querySelector(".panel.check");
      if (old) old.remove();
      var panel = el("div", "panel check");
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-labelledby", "tebiki-check-title");
      var heading = el("h2", "", "Tebiki check: " + location.pathname); heading.id = "tebiki-check-title";
      var closer = el("button", "close", "×"); closer.type = "button"; closer.setAttribute("aria-label", t("tourClose"));
      closer.addEventListener("click", function () { panel.remove(); });
      panel.appendChild(closer); panel.appendChild(heading);
      var list = el("ul"), rows = [];
      function row(kind, label, selector) {
        var count = 0;
        if (selector) { try { count = queryAll(selector).length; } catch (e) { count = -1; } }
        var state = !selector ? "shown" : count === 1 ? "found" : count === 0 ? "missing" : count < 0 ? "invalid" : "several (" + count + ")";
        var item = el("li", "", kind + " — " + label + (selector ? " — " + selector : "") + ": " + state);
        item.setAttribute("data-state", state.split(" ")[0]);
        list.appendChild(item);
        rows.push({ kind: kind, label: label, selector: selector || null, state: state.split(" ")[0] });
      }
      (data.tours || []).forEach(function (tour) {
        tour.steps.forEach(function (step, index) { if (matches(step.url)) row("step " + (index + 1) + " of " + tour.id, step.title, step.selector); });
      });
      (data.hints || []).forEach(function (hint) { if (matches(hint.url)) row("hint of " + articles[hint.article].id, hint.html.replace(/<[^>]*>/g, ""), hint.selector); });
      (data.announcements || []).forEach(function (announcement) { if (matches(announcement.url)) row("announcement " + announcement.id, announcement.title, null); });
      if (!rows.length) panel.appendChild(el("p", "", t("helpNone")));
      else panel.appendChild(list);
      panel.addEventListener("keydown", function (event) { if (event.key === "Escape") panel.remove(); });
      layer.appendChild(panel);
      panel.tabIndex = -1;
      panel.focus();
      return rows;
    };
    routeChanged();
    if (/[?&]tebiki-check(=|&|$)/.test(location.search)) checkScreen();
    if (/[?&]tebiki-pick(=|&|$)/.test(location.search)) pick();

    var help = el("button", "help", t("helpButton")), panel = null;
    help.type = "button";
    help.setAttribute("aria-expanded", "false");
    layer.appendChild(help);
    function closePanel(returnFocus) {
      if (!panel) return;
      panel.remove(); panel = null;
      help.setAttribute("aria-expanded", "false");
      if (returnFocus) help.focus();
    }
    help.addEventListener("click", function () {
      if (panel) { closePanel(false); return; }
      if (openHint) openHint(false);
      panel = el("div", "panel");
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-labelledby", "tebiki-help-title");
      var heading = el("h2", "", t("helpTitle")); heading.id = "tebiki-help-title";
      var closer = el("button", "close", "×"); closer.type = "button"; closer.setAttribute("aria-label", t("tourClose"));
      closer.addEventListener("click", function () { closePanel(true); });
      panel.appendChild(closer); panel.appendChild(heading);
      var here = {};
      (data.hints || []).forEach(function (hint) { if (matches(hint.url)) here[hint.article] = true; });
      var tours = toursHere();
      tours.forEach(function (entry) { here[entry.tour.article] = true; });
      var numbers = Object.keys(here);
      if (!numbers.length) panel.appendChild(el("p", "", t("helpNone")));
      var list = el("ul");
      numbers.forEach(function (number) {
        var item = el("li"), link = el("a", "", articles[number].title);
        link.href = base + articles[number].url; link.target = "_blank"; link.rel = "noopener";
        link.addEventListener("click", function () { emit("help", { action: "article", article: articles[number].id, url: link.href }); });
        item.appendChild(link); list.appendChild(item);
      });
      if (numbers.length) panel.appendChild(list);
      tours.forEach(function (entry) {
        var button = el("button", "primary", t("tourStart") + ": " + entry.tour.title);
        button.type = "button";
        button.addEventListener("click", function () { closePanel(false); start(entry, false); });
        panel.appendChild(button);
      });
      var form = el("form"), input = el("input"), go = el("button", "", t("helpSearch"));
      input.type = "search"; input.setAttribute("aria-label", t("helpSearch")); input.placeholder = strings.searchPlaceholder || "";
      go.type = "submit";
      form.appendChild(input); form.appendChild(go);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        window.open(base + "search/?q=" + encodeURIComponent(input.value), "_blank", "noopener");
      });
      panel.appendChild(form);
      var centre = el("a", "", t("helpCentre")); centre.href = base; centre.target = "_blank"; centre.rel = "noopener";
      panel.appendChild(centre);
      panel.addEventListener("keydown", function (event) { if (event.key === "Escape") closePanel(true); });
      layer.appendChild(panel);
      help.setAttribute("aria-expanded", "true");
      input.focus();
      emit("help", { action: "open", articles: numbers.length, tours: tours.length });
    });
  }

  if (document.body) boot(); else document.addEventListener("DOMContentLoaded", boot);
})(/*tebiki-widget-data*/null);
