// Tebiki's search client: no framework, no server. The index is split into small scripts
// (search/meta.js, search/t/<shard>.js, search/d/<chunk>.js) loaded on demand with <script>
// elements, which work on any static host and from disk, where fetch() of files is blocked.
// Text from the index is only ever inserted as text nodes, never as HTML.
(function () {
  "use strict";

  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input[role=combobox]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector(".search-status");
  var root = form.getAttribute("data-root") || "./";
  var words = {
    empty: form.getAttribute("data-empty") || "",
    count: form.getAttribute("data-count") || "{n}",
    all: form.getAttribute("data-all") || ""
  };
  var resultsPage = document.getElementById("tebiki-search-page");

  // ---- Loading the index -------------------------------------------------------------
  var meta = null;
  var pending = {};
  var loaded = {};

  function loadScript(path) {
    if (!pending[path]) {
      pending[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + path;
        script.async = true;
        script.onload = function () { resolve(loaded[path]); };
        script.onerror = function () { reject(new Error("cannot load " + path)); };
        document.head.appendChild(script);
      });
    }
    return pending[path];
  }

  window.TebikiSearch = {
    meta: function (value) { meta = value; loaded["search/meta.js"] = value; },
    terms: function (shard, value) { loaded["search/t/" + shard + ".js"] = value; },
    docs: function (chunk, value) { loaded["search/d/" + chunk + ".js"] = value; },
    // For pages and tools that want results without the box: resolves to
    // {total, hits: [{title, category, url, snippet}]}.
    query: function (query, limit) {
      return search(query, limit || 10).then(function (result) {
        return {
          total: result.total,
          hits: result.hits.map(function (hit) {
            var holder = document.createElement("span");
            holder.appendChild(snippet(hit, query));
            return { title: hit.article[0], category: hit.article[1], url: resultURL(hit), snippet: holder.textContent };
          })
        };
      });
    }
  };

  // ---- Tokenizing: the same rules as TextTokenizer.swift ------------------------------
  var halfWidth = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
  var codeStart = 0xE000, codeEnd = 0xE001;
  var longestCompound = 64;

  function normalise(code) {
    if (code >= 0xFF01 && code <= 0xFF5E) return code - 0xFEE0;
    if (code === 0x3000) return 0x20;
    if (code >= 0xFF61 && code <= 0xFF9D) return halfWidth.codePointAt(code - 0xFF61);
    return code;
  }
  function fold(code) { return code >= 0x3041 && code <= 0x3096 ? code + 0x60 : code; }
  function isWide(code) {
    return (code >= 0x3000 && code <= 0x30FF) || (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) ||
      (code >= 0xF900 && code <= 0xFAFF) || (code >= 0xFF00 && code <= 0xFFEF) || (code >= 0x20000 && code <= 0x2FFFF);
  }
  function isCJKPunctuation(code) {
    return (code >= 0x3000 && code <= 0x303F) || (code >= 0xFF01 && code <= 0xFF0F) || code === 0x30FB;
  }
  function isWordCharacter(code) {
    if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5A) || (code >= 0x61 && code <= 0x7A);
    return (code >= 0xC0 && code <= 0x24F && code !== 0xD7 && code !== 0xF7) || (code >= 0x370 && code <= 0x4FF);
  }
  function isJoiner(code) { return code === 0x2D || code === 0x5F || code === 0x2E || code === 0x2F; }
  function lower(code) {
    if (code >= 0x41 && code <= 0x5A) return code + 0x20;
    if (code < 0x80) return code;
    return String.fromCodePoint(code).toLowerCase().codePointAt(0);
  }
  function stem(word) {
    if (word.length <= 4 || /[^\x00-\x7f]/.test(word)) return word;
    var suffixes = ["ing", "ies", "ed", "es", "s"];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      if (word.slice(-suffix.length) !== suffix) continue;
      var base = word.slice(0, -suffix.length);
      if (suffix === "s" && /(ss|us|is)$/.test(word)) return word;
      if (suffix === "ies") return base + "y";
      if (suffix === "es" && !/(s|x|ch|sh)$/.test(base)) return base + "e";
      return base.length >= 3 ? base : word;
    }
    return word;
  }

  // Terms of a text as index keys: Latin words (and the parts of a camelCase word), identifiers
  // joined by - _ . / whole, and bigrams of CJK text (one character alone when a run is a single
  // character). Text is NFKC-normalised first, as the index's is.
  function terms(text) {
    var out = [];
    var word = "", parts = [], previousCase = 0, capitals = 0;
    var compound = "", compoundIsValid = true, compoundHasJoiner = false;
    var previous = -1, run = 0, inCode = false;
    function endWord() {
      if (!word) return;
      out.push(stem(word));
      if (parts.length) {
        var starts = [0].concat(parts.filter(function (part) { return !part[1] || word.length - part[0] >= 3; })
          .map(function (part) { return part[0]; }));
        if (starts.length > 1) {
          for (var i = 0; i < starts.length; i++) out.push(stem(word.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : word.length)));
        }
        parts = [];
      }
      word = "";
      previousCase = 0;
      capitals = 0;
    }
    function endCompound() {
      compound = compound.replace(/[-_.]+$/, "");
      if (compoundIsValid && compoundHasJoiner && compound.length <= longestCompound && /[a-z0-9]/.test(compound) && /[-_.\/]/.test(compound)) {
        out.push(stem(compound));
      }
      compound = "";
      compoundIsValid = true;
      compoundHasJoiner = false;
    }
    function endRun() {
      if (run === 1 && previous >= 0) out.push(String.fromCodePoint(fold(previous)));
      previous = -1;
      run = 0;
    }
    function ascii(code) {
      if (code >= 0x41 && code <= 0x5A) {
        endRun();
        if (previousCase === 1) parts.push([word.length, false]);
        word += String.fromCharCode(code + 0x20);
        compound += String.fromCharCode(code + 0x20);
        previousCase = 2;
        capitals += 1;
      } else if (code >= 0x61 && code <= 0x7A) {
        endRun();
        if (capitals >= 2) parts.push([word.length - 1, true]);
        word += String.fromCharCode(code);
        compound += String.fromCharCode(code);
        previousCase = 1;
        capitals = 0;
      } else if (code >= 0x30 && code <= 0x39) {
        endRun();
        word += String.fromCharCode(code);
        compound += String.fromCharCode(code);
        previousCase = 0;
        capitals = 0;
      } else if (isJoiner(code)) {
        endWord();
        endRun();
        compound += String.fromCharCode(code);
        compoundHasJoiner = true;
      } else {
        endWord();
        endCompound();
        endRun();
      }
    }
    for (var ch of text.normalize("NFKC")) {
      var raw = ch.codePointAt(0);
      if (raw < 0x80) { if (!inCode) ascii(raw); continue; }
      if (raw === codeStart || raw === codeEnd) { endWord(); endCompound(); endRun(); inCode = raw === codeStart; continue; }
      if (inCode) continue;
      var code = normalise(raw);
      if (code < 0x80) {
        ascii(code);
      } else if (isWordCharacter(code)) {
        endRun();
        compoundIsValid = false;
        parts = [];
        var low = lower(code);
        if (isWordCharacter(low)) word += String.fromCodePoint(low); else endWord();
        previousCase = 0;
        capitals = 0;
      } else if (isWide(code) && !isCJKPunctuation(code)) {
        endWord();
        endCompound();
        if (previous >= 0) out.push(String.fromCodePoint(fold(previous), fold(code)));
        previous = code;
        run += 1;
      } else {
        endWord();
        endCompound();
        endRun();
      }
    }
    endWord();
    endCompound();
    endRun();
    return out;
  }

  // A text folded the way terms are, one character for one character, so a match in the folded
  // text is a match at the same place in the original.
  function folded(text) {
    var out = [];
    for (var ch of text) out.push(String.fromCodePoint(lower(fold(normalise(ch.codePointAt(0))))));
    return out;
  }

  function shardOf(key) {
    var hash = 0x811C9DC5;
    for (var i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return hash % meta.shards;
  }

  // ---- Querying ---------------------------------------------------------------------
  // Queries the synonyms expand a query into: the query itself, and the query with each
  // synonym group member it contains replaced by the others.
  function variants(query) {
    var result = [query];
    var plain = folded(query).join("");
    (meta.synonyms || []).forEach(function (group) {
      group.forEach(function (member) {
        var key = folded(member).join("");
        if (!key || plain.indexOf(key) < 0) return;
        group.forEach(function (other) { if (other !== member) result.push(plain.split(key).join(folded(other).join(""))); });
      });
    });
    return result;
  }

  function scoreQuery(query) {
    var keys = Array.from(new Set(terms(query)));
    if (keys.length === 0) return Promise.resolve([]);
    var paths = Array.from(new Set(keys.map(function (key) { return "search/t/" + shardOf(key) + ".js"; })));
    return Promise.all(paths.map(loadScript)).then(function () {
      // Scores in arrays indexed by article: thousands of postings per common term, and the
      // first query runs before the script engine has warmed up.
      var score = new Float64Array(meta.articles);
      var matched = new Uint8Array(meta.articles);
      var touched = [];
      var lists = [];
      keys.forEach(function (key) {
        var postings = loaded["search/t/" + shardOf(key) + ".js"][key];
        if (!postings) return;
        lists.push(postings);
        var doc = 0;
        for (var i = 0; i < postings.length; i += 3) {
          doc += postings[i];
          if (matched[doc] === 0) touched.push(doc);
          score[doc] += postings[i + 1];
          matched[doc] += 1;
        }
      });
      // Every term required when some article has them all; otherwise the most terms first.
      var best = 0;
      touched.forEach(function (doc) { if (matched[doc] > best) best = matched[doc]; });
      var hits = [];
      touched.forEach(function (doc) {
        if (matched[doc] === best) hits.push({ doc: doc, score: score[doc], lists: lists });
      });
      return hits;
    });
  }

  // Which sections of the shown articles the query's terms fall in, counted only for them.
  function countSections(hits) {
    var byDoc = new Map();
    hits.forEach(function (hit) { hit.sections = {}; byDoc.set(hit.doc, hit); });
    var scanned = new Set();
    hits.forEach(function (hit) {
      hit.lists.forEach(function (postings) {
        if (scanned.has(postings)) return;
        scanned.add(postings);
        var doc = 0;
        for (var i = 0; i < postings.length; i += 3) {
          doc += postings[i];
          var shown = byDoc.get(doc);
          if (shown && shown.lists.indexOf(postings) >= 0) {
            shown.sections[postings[i + 2]] = (shown.sections[postings[i + 2]] || 0) + 1;
          }
        }
      });
    });
  }

  // Every article matching a query, best first: made once per query, and usually during the
  // pause before the query runs (see prefetch), since it needs only the terms' parts.
  var rankings = new Map();
  function ranked(query) {
    if (!rankings.has(query)) {
      if (rankings.size >= 20) rankings.delete(rankings.keys().next().value);
      rankings.set(query, loadScript("search/meta.js").then(function () {
        return Promise.all(variants(query).map(scoreQuery));
      }).then(function (lists) {
        var merged = new Map();
        lists.forEach(function (hits) {
          hits.forEach(function (hit) {
            var known = merged.get(hit.doc);
            if (!known || hit.score > known.score) merged.set(hit.doc, hit);
          });
        });
        return Array.from(merged.values()).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      }));
    }
    return rankings.get(query);
  }

  function search(query, limit) {
    return ranked(query).then(function (hits) {
      // A phrase bonus needs the articles' text: rank a few more than shown, then reorder.
      var candidates = hits.slice(0, limit + Math.ceil(limit / 2)).map(function (hit) {
        return { doc: hit.doc, score: hit.score, lists: hit.lists };
      });
      countSections(candidates);
      var chunks = Array.from(new Set(candidates.map(function (hit) { return Math.floor(hit.doc / meta.chunk); })));
      return Promise.all(chunks.map(function (chunk) { return loadScript("search/d/" + chunk + ".js"); })).then(function () {
        var phrase = folded(query.trim()).join("");
        candidates.forEach(function (hit) {
          var doc = loaded["search/d/" + Math.floor(hit.doc / meta.chunk) + ".js"][hit.doc % meta.chunk];
          hit.article = doc;
          var section = bestSection(hit, doc);
          hit.section = section;
          if (phrase && folded(doc[0]).join("").indexOf(phrase) >= 0) hit.score += 400;
          else if (phrase && folded(doc[4][section][1] + " " + doc[4][section][2]).join("").indexOf(phrase) >= 0) hit.score += 150;
        });
        candidates.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return { total: hits.length, hits: candidates.slice(0, limit) };
      });
    });
  }

  function bestSection(hit, doc) {
    var best = 0;
    var votes = -1;
    Object.keys(hit.sections).forEach(function (section) {
      var count = hit.sections[section];
      var index = Number(section);
      if (index < doc[4].length && (count > votes || (count === votes && index < best))) { best = index; votes = count; }
    });
    return best;
  }

  // ---- Showing results ----------------------------------------------------------------
  function resultURL(hit) {
    var doc = hit.article;
    var id = doc[4][hit.section] && doc[4][hit.section][0];
    var url = root + encodeURI(doc[2]) + (location.protocol === "file:" ? "index.html" : "");
    return id ? url + "#" + encodeURIComponent(id) : url;
  }

  // The snippet: the best section's text around the first match, with matches in <mark>.
  function snippet(hit, query) {
    var doc = hit.article;
    var text = (doc[4][hit.section] && doc[4][hit.section][2]) || doc[3] || "";
    var chars = Array.from(text.replace(/\s+/g, " "));
    var plain = folded(chars.join(""));
    var marks = new Array(chars.length).fill(false);
    var needles = queryPieces(query);
    var first = -1;
    needles.forEach(function (needle) {
      var joined = plain.join("");
      var at = joined.indexOf(needle);
      while (at >= 0) {
        var start = Array.from(joined.slice(0, at)).length;
        var length = Array.from(needle).length;
        for (var i = start; i < start + length; i++) marks[i] = true;
        if (first < 0 || start < first) first = start;
        at = joined.indexOf(needle, at + needle.length);
      }
    });
    var from = Math.max(0, (first < 0 ? 0 : first) - 30);
    var to = Math.min(chars.length, from + 110);
    var fragment = document.createDocumentFragment();
    if (from > 0) fragment.appendChild(document.createTextNode("…"));
    var i = from;
    while (i < to) {
      var j = i;
      while (j < to && marks[j] === marks[i]) j++;
      var piece = document.createTextNode(chars.slice(i, j).join(""));
      if (marks[i]) { var mark = document.createElement("mark"); mark.appendChild(piece); fragment.appendChild(mark); }
      else fragment.appendChild(piece);
      i = j;
    }
    if (to < chars.length) fragment.appendChild(document.createTextNode("…"));
    return fragment;
  }

  // The query's words and CJK runs, folded, longest first, to highlight.
  function queryPieces(query) {
    var pieces = folded(query).join("").split(/[\s\u3000、。「」（）()・,.!?！？]+/).filter(function (piece) { return piece.length > 0; });
    return pieces.sort(function (a, b) { return b.length - a.length; });
  }

  function describe(element, hit, query) {
    var title = document.createElement("span");
    title.className = "search-result-title";
    title.textContent = hit.article[0];
    var category = document.createElement("span");
    category.className = "search-result-category";
    category.textContent = hit.article[1];
    var text = document.createElement("span");
    text.className = "search-result-snippet";
    text.appendChild(snippet(hit, query));
    element.appendChild(title);
    element.appendChild(category);
    element.appendChild(text);
  }

  function announce(message) { if (status) status.textContent = message; }

  // ---- The combobox -------------------------------------------------------------------
  var active = -1;
  var shown = [];
  var timer = 0;
  var latest = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    var options = list.querySelectorAll("[role=option]");
    if (options.length === 0) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function showSuggestions(query) {
    var ticket = ++latest;
    if (!query.trim()) { close(); announce(""); return; }
    search(query, 8).then(function (result) {
      if (ticket !== latest) return;
      list.textContent = "";
      shown = result.hits;
      shown.forEach(function (hit, index) {
        var option = document.createElement("li");
        option.id = "tebiki-search-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        describe(option, hit, query);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { location.href = resultURL(hit); });
        list.appendChild(option);
      });
      if (shown.length === 0) {
        var empty = document.createElement("li");
        empty.className = "search-empty";
        empty.textContent = words.empty.replace("{q}", query);
        list.appendChild(empty);
      } else if (result.total > shown.length) {
        var more = document.createElement("li");
        more.className = "search-more";
        var link = document.createElement("a");
        link.href = pageURL(query);
        link.textContent = words.all.replace("{n}", result.total);
        more.appendChild(link);
        list.appendChild(more);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      announce(shown.length ? words.count.replace("{n}", result.total) : words.empty.replace("{q}", query));
    }, function () { announce(""); });
  }

  // The pause before a query runs is spent loading the index parts of what has been entered and
  // ranking it, so the query waits only for its articles' texts. A Latin word still being typed
  // key by key is left out: each of its prefixes would fetch a part of its own.
  function prefetch(text, wholeWords) {
    var end = text.length;
    while (!wholeWords && end > 0 && isWordCharacter(normalise(text.charCodeAt(end - 1)))) end -= 1;
    var entered = text.slice(0, end);
    if (entered.trim()) ranked(entered).catch(function () {});
  }

  // A paste, a drop or an input method's commit enters whole words; a key does not.
  function entersWholeWords(event) {
    return /^insert(From|Replacement)/.test(event.inputType || "") || (event.data || "").length > 1;
  }

  function pageURL(query) {
    var action = form.getAttribute("action");
    return action + (location.protocol === "file:" && /\/$/.test(action) ? "index.html" : "") + "?q=" + encodeURIComponent(query);
  }

  // A reader focuses the box before typing: fetch the index's small entry point then, so the
  // first query loads only the parts it needs.
  input.addEventListener("focus", function () { loadScript("search/meta.js").catch(function () {}); });
  // While an input method composes, the text is not yet what the reader means (にだんかい
  // before it becomes 二段階): its parts are loaded once the composition ends.
  input.addEventListener("compositionend", function () { prefetch(input.value, true); });
  input.addEventListener("input", function (event) {
    if (!event.isComposing) prefetch(input.value, entersWholeWords(event));
    clearTimeout(timer);
    timer = setTimeout(function () { showSuggestions(input.value); }, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) showSuggestions(input.value); else setActive(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
    else if (event.key === "Escape") { if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; } }
    else if (event.key === "Enter" && active >= 0 && shown[active]) { event.preventDefault(); location.href = resultURL(shown[active]); }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.value.trim()) location.href = pageURL(input.value.trim());
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "/" && target !== input && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !target.isContentEditable) {
      event.preventDefault();
      input.focus();
    }
  });

  // ---- The full results page ------------------------------------------------------------
  if (resultsPage) {
    var query = new URLSearchParams(location.search).get("q") || "";
    input.value = query;
    var container = resultsPage.querySelector(".search-results");
    var summary = resultsPage.querySelector(".search-summary");
    if (query.trim()) {
      search(query, 50).then(function (result) {
        summary.textContent = result.hits.length ? words.count.replace("{n}", result.total) : words.empty.replace("{q}", query);
        result.hits.forEach(function (hit) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = resultURL(hit);
          describe(link, hit, query);
          item.appendChild(link);
          container.appendChild(item);
        });
      });
    }
  }
})();
