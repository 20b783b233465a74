#!/usr/bin/env python3
"""Search quality on real documentation: how often the page a reader expects comes first (top-1)
and among the first three (top-3), for the queries in Benchmarks/search-quality-vite-ja.json over
../shared/corpora/vite-docs-ja (38 long Japanese pages with code), and what the first query
downloads there.

Usage: python3 Benchmarks/search-quality.py [--binary .build/release/tebiki] [--work /tmp/tebiki-quality]

The corpus is copied into the work folder as Articles/<guide|config|changes>/, its VitePress-style
links rewritten with `tebiki check --fix-links`, and the links that point nowhere even in VitePress
(pages of another site, images not in the corpus) turned into plain text, so the site builds.
Queries run through the real search.js (TebikiSearch.query) in headless Chromium, from disk.
"""
import argparse, json, os, re, shutil, subprocess, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Browser"))
from harness import chromium, gzip_size, open_with_search_focused, search_files_loaded  # noqa: E402

CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "vite-docs-ja")
QUERIES = os.path.join(ROOT, "Benchmarks", "search-quality-vite-ja.json")
LINK = re.compile(r"(!?)\[([^\]]*)\]\([^)]*\)")


def prepare(binary, site):
    shutil.rmtree(site, ignore_errors=True)
    for folder in ["guide", "config", "changes"]:
        shutil.copytree(os.path.join(CORPUS, folder), os.path.join(site, "Articles", folder),
                        ignore=shutil.ignore_patterns("*.yaml"))
    subprocess.run([binary, "check", "--fix-links", "--source", site], capture_output=True)
    for _ in range(3):
        result = subprocess.run([binary, "check", "--format", "json", "--source", site], capture_output=True, text=True)
        broken = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        broken = [d for d in broken if d["severity"] == "error"]
        if not broken:
            return
        unlink(site, broken)
    raise SystemExit("the corpus does not build:\n" + result.stdout + result.stderr)


def unlink(site, diagnostics):
    """Replaces each broken link by its text and drops each broken image, at the place named."""
    by_file = defaultdict(list)
    for d in diagnostics:
        by_file[d["path"]].append((d["line"], d["column"]))
    for path, places in by_file.items():
        full = os.path.join(site, path)
        lines = open(full, encoding="utf-8").read().split("\n")
        for line, column in sorted(places, reverse=True):
            text = lines[line - 1]
            start = column - 1
            match = LINK.match(text, start) or LINK.search(text)
            if match:
                replacement = "" if match.group(1) else match.group(2)
                lines[line - 1] = text[:match.start()] + replacement + text[match.end():]
        open(full, "w", encoding="utf-8").write("\n".join(lines))



def page_path(url):
    """A result's page, from the site's root: `./guide/ssr/index.html#id` is `guide/ssr/`."""
    return re.sub(r"index\.html$", "", re.sub(r"^\./", "", url.split("#")[0]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "tebiki"))
    parser.add_argument("--work", default="/tmp/tebiki-quality")
    parser.add_argument("--verbose", action="store_true", help="print every query's first three results")
    args = parser.parse_args()

    site = os.path.join(args.work, "site")
    output = os.path.join(args.work, "out")
    prepare(args.binary, site)
    shutil.rmtree(output, ignore_errors=True)
    subprocess.run([args.binary, "build", "--quiet", "--source", site, "--output", output], check=True)
    articles = sum(1 for _, _, names in os.walk(os.path.join(site, "Articles")) for name in names if name.endswith(".md"))
    search_files = [os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(output, "search")) for name in names]
    raw = sum(os.path.getsize(path) for path in search_files)
    print(f"search folder: {len(search_files)} files, {raw / 1000:.0f} KB for {articles} pages ({raw / articles / 1000:.1f} KB a page)")

    queries = json.load(open(QUERIES, encoding="utf-8"))["queries"]
    driver = chromium()
    top1 = top3 = 0
    by_kind = defaultdict(lambda: [0, 0, 0])
    first_bytes = []
    try:
        for entry in queries:
            open_with_search_focused(driver, f"file://{output}/index.html")
            urls = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "TebikiSearch.query(arguments[0], 3).then(r => done(r.hits.map(h => h.url)), e => done([String(e)]));", entry["q"])
            first_bytes.append(sum(gzip_size(path) for path in search_files_loaded(driver)))
            pages = [page_path(url) for url in urls]
            kind = by_kind[entry["kind"]]
            kind[2] += 1
            if pages[:1] == [entry["expect"]]:
                top1 += 1
                kind[0] += 1
            if entry["expect"] in pages[:3]:
                top3 += 1
                kind[1] += 1
            if args.verbose or pages[:1] != [entry["expect"]]:
                mark = "ok " if pages[:1] == [entry["expect"]] else ("top3" if entry["expect"] in pages else "MISS")
                print(f"  {mark} {entry['q']}: expected {entry['expect']}, got {', '.join(pages) or 'nothing'}"
                      f" ({first_bytes[-1] / 1000:.1f} KB gzip)")
    finally:
        driver.quit()
    count = len(queries)
    print(f"top-1: {top1}/{count} ({100 * top1 / count:.0f} %), top-3: {top3}/{count} ({100 * top3 / count:.0f} %)")
    for kind, (one, three, total) in sorted(by_kind.items()):
        print(f"  {kind:<11} top-1 {one}/{total}, top-3 {three}/{total}")
    first_bytes.sort()
    print(f"first query downloads (gzip, search.js included): median {first_bytes[len(first_bytes) // 2] / 1000:.1f} KB, "
          f"max {first_bytes[-1] / 1000:.1f} KB")


if __name__ == "__main__":
    main()
