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
    all: form.getAttribute("data-all") || "",
    partial: form.getAttribute("data-partial") || "",
    suggest: form.getAttribute("data-suggest") || ""
  };
  var resultsPage = document.getElementById("tebiki-search-page");
  var language = form.getAttribute("data-language") || document.documentElement.lang;

  // What readers search for and choose, as events any analytics tool can listen to (the README
  // documents each detail). Nothing is sent anywhere by the help centre itself.
  function emit(name, detail) {
    try { document.dispatchEvent(new CustomEvent(name, { detail: detail })); } catch (error) { /* a listener's error is its own */ }
  }
  var lastReported = null;
  function reportSearch(query, count, where) {
    var key = where + "\u0000" + query;
    if (key === lastReported) return;
    lastReported = key;
    emit("tebiki:search", { query: query, count: count, language: language, where: where });
  }
  function reportSelect(query, hit, rank) {
    emit("tebiki:search-select", { query: query, url: hit.article[2], title: hit.article[0], rank: rank, language: language });
  }
  // Where a reader who found nothing can ask, when the site has a support address.
  function supportLine() {
    var url = form.getAttribute("data-support");
    if (!url) return null;
    var line = document.createElement("span");
    line.className = "support-link";
    line.appendChild(document.createTextNode((form.getAttribute("data-support-lead") || "") + " "));
    var link = document.createElement("a");
    link.href = url;
    link.textContent = form.getAttribute("data-support-label") || url;
    line.appendChild(link);
    return line;
  }

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
    texts: function (name, value) { loaded["search/x/" + name + ".js"] = value; },
    folders: function (names, of) { loaded["search/f.js"] = [names, of]; },
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

  // A text folded the way terms are, with where each folded character came from. NFKC is not one
  // character for one (ｶﾞ is ガ, ㈱ is (株)), so each character is normalised with the marks after
  // it, and everything that gives points back at those characters: a match in the folded text
  // marks the right characters of the original.
  function foldedMap(chars) {
    var out = [], from = [], to = [];
    var i = 0;
    while (i < chars.length) {
      var j = i + 1;
      while (j < chars.length && isMark(chars[j])) j++;
      for (var ch of chars.slice(i, j).join("").normalize("NFKC")) {
        out.push(String.fromCodePoint(lower(fold(normalise(ch.codePointAt(0))))));
        from.push(i);
        to.push(j);
      }
      i = j;
    }
    return { chars: out, from: from, to: to };
  }
  function isMark(ch) { return /^[\u3099-\u309C\uFF9E\uFF9F]$/.test(ch) || /^\p{M}$/u.test(ch); }
  function foldText(text) { return foldedMap(Array.from(text)).chars.join(""); }

  // A title's keys and a query's key, as SearchTitleKey.swift makes them: folded, without a
  // parenthesised alias (each alias a key of its own), letters, digits and CJK characters only.
  function stripKey(text) {
    var out = "";
    for (var ch of text) {
      var code = ch.codePointAt(0);
      if (isWordCharacter(code) || (isWide(code) && !isCJKPunctuation(code))) out += ch;
    }
    return out;
  }
  function titleKeys(title) {
    var base = "", aliases = [], alias = "", depth = 0;
    for (var ch of foldText(title)) {
      if (ch === "(") depth += 1;
      else if (ch === ")" && depth > 0) { depth -= 1; if (depth === 0) { aliases.push(alias); alias = ""; } }
      else if (depth > 0) alias += ch;
      else base += ch;
    }
    var keys = [];
    [base].concat(aliases).map(stripKey).forEach(function (key) { if (key && keys.indexOf(key) < 0) keys.push(key); });
    return keys;
  }
  function queryKey(query) { return stripKey(foldText(query)); }

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
    var plain = foldText(query);
    (meta.synonyms || []).forEach(function (group) {
      group.forEach(function (member) {
        var key = foldText(member);
        if (!key || plain.indexOf(key) < 0) return;
        group.forEach(function (other) { if (other !== member) result.push(plain.split(key).join(foldText(other))); });
      });
    });
    return result;
  }

  function postingsOf(key) {
    return loadScript("search/t/" + shardOf(key) + ".js").then(function (shard) { return shard[key] || null; });
  }

  // The articles a query's terms are in. Every term is required when some article has them all
  // (`full`); otherwise those with the most terms; and when no term is anywhere, the articles
  // with the query's kanji, one by one (お試し finds 試用): never nothing while a part matches.
  function scoreQuery(query) {
    var keys = Array.from(new Set(terms(query)));
    if (keys.length === 0) return Promise.resolve([]);
    return Promise.all(keys.map(postingsOf)).then(function (found) {
      var lists = found.filter(Boolean);
      if (lists.length === 0) {
        var kanji = Array.from(new Set(Array.from(foldText(query)).filter(function (ch) { return isKanji(ch.codePointAt(0)); })));
        if (kanji.length === 0 || (kanji.length === 1 && keys.length === 1 && keys[0] === kanji[0])) return [];
        return Promise.all(kanji.map(postingsOf)).then(function (single) { return rank(single.filter(Boolean), Infinity); });
      }
      return rank(lists, keys.length);
    });
  }
  function isKanji(code) {
    return (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF) || (code >= 0xF900 && code <= 0xFAFF) ||
      (code >= 0x20000 && code <= 0x2FFFF);
  }

  // Scores in arrays indexed by article: thousands of postings per common term, and the first
  // query runs before the script engine has warmed up.
  function rank(lists, wanted) {
    var score = new Float64Array(meta.articles);
    var matched = new Uint8Array(meta.articles);
    var touched = [];
    lists.forEach(function (postings) {
      var doc = 0;
      for (var i = 0; i < postings.length; i += 3) {
        doc += postings[i];
        if (matched[doc] === 0) touched.push(doc);
        score[doc] += postings[i + 1];
        matched[doc] += 1;
      }
    });
    var best = 0;
    touched.forEach(function (doc) { if (matched[doc] > best) best = matched[doc]; });
    var hits = [];
    touched.forEach(function (doc) {
      if (matched[doc] === best) hits.push({ doc: doc, score: score[doc], lists: lists, full: best === wanted, title: false });
    });
    return hits;
  }

  // The articles whose title the query (or a synonym variant) is, found by the title's key ("="),
  // or one of whose section headings it is ("#"), with that section.
  function keyMatches(queries, mark) {
    var keys = Array.from(new Set(queries.map(queryKey).filter(Boolean)));
    return Promise.all(keys.map(function (key) { return postingsOf(mark + key); })).then(function (found) {
      var docs = new Map();
      found.forEach(function (postings) {
        if (!postings) return;
        var doc = 0;
        for (var i = 0; i < postings.length; i += 3) { doc += postings[i]; if (!docs.has(doc)) docs.set(doc, postings[i + 2]); }
      });
      return docs;
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

  // Best first: an article whose title the query is, then articles with every term, then by score.
  function better(a, b) {
    return (b.title - a.title) || (b.full - a.full) || (b.score - a.score) || (a.doc - b.doc);
  }

  // Every article matching a query, best first: made once per query, and usually during the
  // pause before the query runs (see prefetch), since it needs only the terms' parts.
  var rankings = new Map();
  function ranked(query) {
    if (!rankings.has(query)) {
      if (rankings.size >= 20) rankings.delete(rankings.keys().next().value);
      rankings.set(query, loadScript("search/meta.js").then(function () {
        var queries = variants(query);
        return Promise.all([Promise.all(queries.map(scoreQuery)), keyMatches(queries, "="), keyMatches(queries, "#")]);
      }).then(function (found) {
        var merged = new Map();
        found[0].forEach(function (hits) {
          hits.forEach(function (hit) {
            hit.title = found[1].has(hit.doc);
            // A heading that is the query: above articles that only use its words, and the
            // result opens at that section.
            if (found[2].has(hit.doc)) { hit.score += 300; hit.heading = found[2].get(hit.doc); }
            var known = merged.get(hit.doc);
            if (!known || better(hit, known) < 0) merged.set(hit.doc, hit);
          });
        });
        var hits = Array.from(merged.values()).sort(better);
        hits.partial = hits.length > 0 && !hits[0].full && !hits[0].title;
        return hits;
      }));
    }
    return rankings.get(query);
  }

  // The file that holds a section's text: eight sections to a file (SearchIndex.swift).
  function textPath(hit) { return "search/x/" + hit.doc + "-" + Math.floor(hit.section / 8) + ".js"; }

  function search(query, limit, filter) {
    return ranked(query).then(function (all) {
      var hits = filter ? all.filter(filter) : all;
      // A phrase bonus needs the articles' titles: rank a few more than shown, then reorder.
      var candidates = hits.slice(0, limit + Math.ceil(limit / 2)).map(function (hit) {
        return { doc: hit.doc, score: hit.score, lists: hit.lists, full: hit.full, title: hit.title, heading: hit.heading };
      });
      countSections(candidates);
      var chunks = Array.from(new Set(candidates.map(function (hit) { return "search/d/" + Math.floor(hit.doc / meta.chunk) + ".js"; })));
      return Promise.all(chunks.map(loadScript)).then(function () {
        // The query or a synonym variant of it, in the title.
        var phrases = variants(query.trim()).map(foldText).filter(Boolean);
        candidates.forEach(function (hit) {
          var doc = loaded["search/d/" + Math.floor(hit.doc / meta.chunk) + ".js"][hit.doc % meta.chunk];
          hit.article = doc;
          hit.section = hit.heading !== undefined && hit.heading < doc[4] ? hit.heading : bestSection(hit, doc);
          var title = foldText(doc[0]);
          if (phrases.some(function (phrase) { return title.indexOf(phrase) >= 0; })) hit.score += 400;
        });
        candidates.sort(better);
        var shown = candidates.slice(0, limit);
        // Only the shown sections' texts are loaded, for their snippets.
        var texts = Array.from(new Set(shown.map(textPath)));
        return Promise.all(texts.map(function (path) { return loadScript(path).catch(function () { return null; }); })).then(function () {
          shown.forEach(function (hit) { hit.texts = (loaded[textPath(hit)] || [])[hit.section % 8] || ["", "", "", []]; });
          return { total: hits.length, hits: shown, partial: all.partial, all: all };
        });
      });
    });
  }

  function bestSection(hit, doc) {
    var best = 0;
    var votes = -1;
    Object.keys(hit.sections).forEach(function (section) {
      var count = hit.sections[section];
      var index = Number(section);
      if (index < doc[4] && (count > votes || (count === votes && index < best))) { best = index; votes = count; }
    });
    return best;
  }

  // Words of the site's synonyms that share a kanji or a term with a query that found nothing
  // whole: what the reader may have meant (もしかして).
  function suggestions(query) {
    var wanted = new Set(terms(query));
    Array.from(foldText(query)).forEach(function (ch) { if (isKanji(ch.codePointAt(0))) wanted.add(ch); });
    var plain = foldText(query);
    var found = [];
    (meta.synonyms || []).forEach(function (group) {
      group.forEach(function (member) {
        var folded = foldText(member);
        if (folded === plain || found.indexOf(member) >= 0) return;
        var mine = terms(member).concat(Array.from(folded).filter(function (ch) { return isKanji(ch.codePointAt(0)); }));
        if (mine.some(function (term) { return wanted.has(term); })) found.push(member);
      });
    });
    return found.slice(0, 3);
  }

  // ---- Showing results ----------------------------------------------------------------
  function resultURL(hit) {
    var doc = hit.article;
    var id = hit.texts[0];
    var url = root + encodeURI(doc[2]) + (location.protocol === "file:" ? "index.html" : "");
    return id ? url + "#" + encodeURIComponent(id) : url;
  }

  // A section's text as characters, each with whether it is code (marked in the index between
  // U+E000 and U+E001); lines are joined with a separator unless a sentence ended there.
  function textCharacters(text) {
    var chars = [], code = [], inCode = false;
    text.split(/\n+/).forEach(function (line) {
      line = line.replace(/\s+/g, " ").trim();
      if (!line) return;
      if (chars.length) {
        var separator = /[。．.!?！？:：」』）)]$/.test(chars[chars.length - 1]) ? [" "] : [" ", "·", " "];
        separator.forEach(function (ch) { chars.push(ch); code.push(false); });
      }
      for (var ch of line) {
        var value = ch.codePointAt(0);
        if (value === codeStart) { inCode = true; continue; }
        if (value === codeEnd) { inCode = false; continue; }
        chars.push(ch);
        code.push(inCode);
      }
    });
    return { chars: chars, code: code };
  }

  // Where the query's pieces are in a text: a mark for each character, and the first one marked.
  function matches(chars, query) {
    var map = foldedMap(chars);
    var joined = map.chars.join("");
    var marks = new Array(chars.length).fill(false);
    var first = -1;
    queryPieces(query).forEach(function (needle) {
      var at = joined.indexOf(needle);
      while (at >= 0) {
        var start = Array.from(joined.slice(0, at)).length;
        var end = start + Array.from(needle).length - 1;
        for (var i = map.from[start]; i < map.to[end]; i++) marks[i] = true;
        if (first < 0 || map.from[start] < first) first = map.from[start];
        at = joined.indexOf(needle, at + needle.length);
      }
    });
    return { marks: marks, first: first };
  }

  // The snippet: the best section's text around the first match, inline code as code; when only
  // a line of the section's code matches, that line. Matches are in <mark>.
  function snippet(hit, query) {
    var texts = hit.texts;
    var prose = textCharacters(texts[2] || hit.article[3] || "");
    var found = matches(prose.chars, query);
    if (found.first < 0) {
      var lines = texts[3] || [];
      for (var l = 0; l < lines.length; l++) {
        var line = Array.from(lines[l]);
        var inLine = matches(line, query);
        if (inLine.first >= 0) return pieces(line, line.map(function () { return true; }), inLine.marks, inLine.first, true);
      }
    }
    return pieces(prose.chars, prose.code, found.marks, found.first, false);
  }

  function pieces(chars, code, marks, first, isCodeLine) {
    var from = Math.max(0, (first < 0 ? 0 : first) - 30);
    var to = Math.min(chars.length, from + 110);
    var fragment = document.createDocumentFragment();
    var holder = fragment;
    if (isCodeLine) {
      holder = document.createElement("code");
      holder.className = "search-result-code";
      fragment.appendChild(holder);
    }
    if (from > 0) holder.appendChild(document.createTextNode("…"));
    var i = from;
    while (i < to) {
      var j = i;
      while (j < to && marks[j] === marks[i] && code[j] === code[i]) j++;
      var node = document.createTextNode(chars.slice(i, j).join(""));
      if (marks[i]) { var mark = document.createElement("mark"); mark.appendChild(node); node = mark; }
      if (code[i] && !isCodeLine) { var inline = document.createElement("code"); inline.appendChild(node); node = inline; }
      holder.appendChild(node);
      i = j;
    }
    if (to < chars.length) holder.appendChild(document.createTextNode("…"));
    return fragment;
  }

  // The query's words and CJK runs, folded, longest first, to highlight.
  function queryPieces(query) {
    var pieces = foldText(query).split(/[\s\u3000、。「」（）()・,!?！？]+/).filter(function (piece) { return piece.length > 0; });
    return pieces.sort(function (a, b) { return b.length - a.length; });
  }

  function describe(element, hit, query) {
    var title = document.createElement("span");
    title.className = "search-result-title";
    title.textContent = hit.article[0];
    var category = document.createElement("span");
    category.className = "search-result-category";
    category.textContent = hit.article[1];
    element.appendChild(title);
    element.appendChild(category);
    var heading = hit.texts[1];
    if (heading) {
      var section = document.createElement("span");
      section.className = "search-result-heading";
      section.textContent = heading;
      element.appendChild(section);
    }
    var text = document.createElement("span");
    text.className = "search-result-snippet";
    text.appendChild(snippet(hit, query));
    element.appendChild(text);
  }

  function announce(message) { if (status) status.textContent = message; }

  // ---- The combobox -------------------------------------------------------------------
  var active = -1;
  var shown = [];
  var timer = 0;
  var latest = 0;
  // While an input method composes (にだんかい before it becomes 二段階), Enter commits the
  // conversion and Esc cancels it: neither is meant for the search box. Safari sends the keydown
  // of that Enter after compositionend, hence the flag as well as isComposing.
  var composing = false;

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

  // "Did you mean" words, each a button that searches for it.
  function suggestionsLine(query, run) {
    var offered = suggestions(query);
    if (offered.length === 0) return null;
    var line = document.createElement("span");
    line.className = "search-suggest";
    line.appendChild(document.createTextNode(words.suggest + " "));
    offered.forEach(function (word, index) {
      if (index > 0) line.appendChild(document.createTextNode(" "));
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = word;
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", function () { run(word); });
      line.appendChild(button);
    });
    return line;
  }

  function runInBox(word) {
    input.value = word;
    input.focus();
    showSuggestions(word);
  }

  function showSuggestions(query) {
    var ticket = ++latest;
    if (!query.trim()) { close(); announce(""); return; }
    search(query, 8).then(function (result) {
      if (ticket !== latest) return;
      list.textContent = "";
      shown = result.hits;
      if (result.partial || shown.length === 0) {
        var note = document.createElement("li");
        note.className = shown.length ? "search-partial" : "search-empty";
        note.setAttribute("role", "presentation");
        note.textContent = (shown.length ? words.partial : words.empty).replace("{q}", query);
        var line = suggestionsLine(query, runInBox);
        if (line) { note.appendChild(document.createElement("br")); note.appendChild(line); }
        var support = shown.length ? null : supportLine();
        if (support) { note.appendChild(document.createElement("br")); note.appendChild(support); }
        list.appendChild(note);
      }
      shown.forEach(function (hit, index) {
        var option = document.createElement("li");
        option.id = "tebiki-search-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        describe(option, hit, query);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { reportSelect(query, hit, index + 1); location.href = resultURL(hit); });
        list.appendChild(option);
      });
      if (shown.length > 0 && result.total > shown.length) {
        var more = document.createElement("li");
        more.className = "search-more";
        more.setAttribute("role", "presentation");
        var link = document.createElement("a");
        link.href = pageURL(query);
        link.textContent = words.all.replace("{n}", result.total);
        more.appendChild(link);
        list.appendChild(more);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      reportSearch(query, result.total, "box");
      announce(shown.length ? (result.partial ? words.partial.replace("{q}", query) + " " : "") +
        words.count.replace("{n}", result.total) : words.empty.replace("{q}", query));
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

  function isComposing(event) { return composing || event.isComposing || event.keyCode === 229; }

  // A reader focuses the box before typing: fetch the index's small entry point then, so the
  // first query loads only the parts it needs.
  input.addEventListener("focus", function () { loadScript("search/meta.js").catch(function () {}); });
  input.addEventListener("compositionstart", function () { composing = true; });
  // The text is what the reader means only once the composition ends: its parts load then.
  input.addEventListener("compositionend", function () {
    setTimeout(function () { composing = false; }, 0);
    prefetch(input.value, true);
  });
  input.addEventListener("input", function (event) {
    if (!event.isComposing) prefetch(input.value, entersWholeWords(event));
    clearTimeout(timer);
    timer = setTimeout(function () { showSuggestions(input.value); }, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (isComposing(event)) return;
    if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) showSuggestions(input.value); else setActive(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
    else if (event.key === "Escape") { if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; } }
    else if (event.key === "Enter" && active >= 0 && shown[active]) {
      event.preventDefault();
      reportSelect(input.value, shown[active], active + 1);
      location.href = resultURL(shown[active]);
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!composing && input.value.trim()) location.href = pageURL(input.value.trim());
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
    var filters = resultsPage.querySelector(".search-filters");
    // The switcher's other languages search there for the same words.
    document.querySelectorAll(".language-switcher a").forEach(function (link) {
      if (query.trim()) link.href = link.href.replace(/[?#].*$/, "") + "?q=" + encodeURIComponent(query);
    });
    // Keyboard as in the box: arrows move between results, Enter opens one.
    container.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.from(container.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      links[(at + (event.key === "ArrowDown" ? 1 : links.length - 1)) % links.length].focus();
    });
    if (query.trim()) {
      Promise.all([search(query, 50), loadScript("search/f.js").catch(function () { return null; })]).then(function (found) {
        showPage(found[0], null);
        if (loaded["search/f.js"]) showFilters(found[0].all);
      });
    }
  }

  function showPage(result, chosen) {
    container.textContent = "";
    var text = result.hits.length ? words.count.replace("{n}", result.all.length) : words.empty.replace("{q}", query);
    if (chosen) text = filters.getAttribute("data-filtered").replace("{n}", result.all.length).replace("{m}", result.total);
    summary.textContent = (result.partial && result.hits.length ? words.partial.replace("{q}", query) + " " : "") + text;
    if (result.partial || result.hits.length === 0) {
      var line = suggestionsLine(query, function (word) { location.href = pageURL(word); });
      if (line) { summary.appendChild(document.createTextNode(" ")); summary.appendChild(line); }
    }
    if (result.hits.length === 0) {
      var support = supportLine();
      if (support) { summary.appendChild(document.createTextNode(" ")); summary.appendChild(support); }
    }
    if (!chosen) reportSearch(query, result.all.length, "page");
    result.hits.forEach(function (hit, index) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = resultURL(hit);
      link.addEventListener("click", function () { reportSelect(query, hit, index + 1); });
      describe(link, hit, query);
      item.appendChild(link);
      container.appendChild(item);
    });
  }

  // Buttons for the categories (and, once one is chosen, its sections) the results are in, each
  // with its count; pressing one shows only its results.
  function showFilters(all) {
    var data = loaded["search/f.js"];
    var names = data[0], of = data[1];
    var counts = new Map();
    function count(folder) { counts.set(folder, (counts.get(folder) || 0) + 1); }
    all.forEach(function (hit) {
      var folder = of[hit.doc];
      count(folder);
      if (names[folder] && names[folder][1] >= 0) count(names[folder][1]);
    });
    var categories = Array.from(counts.keys()).filter(function (folder) { return names[folder][1] < 0; });
    if (categories.length < 2 && !categories.some(function (c) { return sectionsOf(c).length > 0; })) return;
    function sectionsOf(category) {
      return Array.from(counts.keys()).filter(function (folder) { return names[folder][1] === category; });
    }
    var chosen = null;
    function within(folder) {
      return function (hit) { var mine = of[hit.doc]; return mine === folder || names[mine][1] === folder; };
    }
    function button(label, n, pressed, choose) {
      var element = document.createElement("button");
      element.type = "button";
      element.setAttribute("aria-pressed", pressed ? "true" : "false");
      element.textContent = label + " (" + n + ")";
      element.addEventListener("click", choose);
      filters.appendChild(element);
    }
    function draw() {
      filters.textContent = "";
      button(filters.getAttribute("data-everything"), all.length, chosen === null, function () { choose(null); });
      categories.forEach(function (category) {
        var open = chosen !== null && (chosen === category || names[chosen][1] === category);
        button(names[category][0], counts.get(category), chosen === category, function () { choose(category); });
        if (open) sectionsOf(category).forEach(function (section) {
          button(names[category][0] + " › " + names[section][0], counts.get(section), chosen === section, function () { choose(section); });
        });
      });
      filters.hidden = false;
    }
    function choose(folder) {
      chosen = folder;
      draw();
      var focused = filters.querySelector("[aria-pressed=true]");
      if (focused) focused.focus();
      search(query, 50, folder === null ? null : within(folder)).then(function (result) { showPage(result, folder); });
    }
    draw();
  }
})();
