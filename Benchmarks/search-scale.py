#!/usr/bin/env python3
"""Search at scale: index build time and size, what a reader's first query downloads, how
long a query takes in headless Chromium, and recall for Japanese compound words.

Usage: python3 Benchmarks/search-scale.py [--articles 10000 | --long 500] [--work /tmp/tebiki-bench]

Builds the generated mixed corpus with the release `tebiki`, opens the home page from disk in
headless Chromium (the Tests/Browser harness), and for each query: the gzip-compressed size of
every search file the query loaded (search.js included), the time of a cold first query and of
the same query again (TebikiSearch.query, from the call to its answer), and how many articles
it returned against how many contain the words.

With --long N, the site is instead N long articles (each the bodies of 20 generated articles, 30–50
KB of Markdown, links and images made plain text), as documentation with long pages is; the same
figures are printed, with the search folder's size per article.

Then, on a fresh page each time, the query entered into the box at once (one input event, as a
paste or an input method's commit): the time until the suggestions are shown, and that time less
the box's 120 ms pause before a query runs, during which the box loads and ranks the index parts
of the typed text.
"""
import argparse, os, re, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Browser"))
from harness import chromium, gzip_size, open_with_search_focused, search_files_loaded  # noqa: E402

PAUSE_MS = 120  # the search box's wait after typing, in search.js

# Enters the whole query into the box in one input event and resolves when suggestions show.
TYPE_QUERY = """
const done = arguments[arguments.length - 1];
const input = document.querySelector('form.search input');
const list = document.querySelector('form.search [role=listbox]');
const start = performance.now();
new MutationObserver((changes, observer) => {
  if (!list.hidden && list.querySelector('[role=option]')) { observer.disconnect(); done(performance.now() - start); }
}).observe(list, {attributes: true, childList: true});
input.value = arguments[0];
input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: arguments[0]}));
"""

QUERIES = ["ログイン", "ワークスペース", "二段階認証コード", "パスワード 再設定", "password reset", "API token", "監査ログ"]



def containing(articles, words):
    """Articles whose text contains every word of the query (case-insensitive for Latin)."""
    count = 0
    for folder, _, files in os.walk(articles):
        for name in files:
            if name.endswith(".md"):
                text = open(os.path.join(folder, name), encoding="utf-8").read().lower()
                if all(word.lower() in text for word in words):
                    count += 1
    return count


def long_corpus(source, target, count):
    """`count` articles, each the first article's front matter and the bodies of 20, in order."""
    files = sorted(os.path.join(folder, name) for folder, _, names in os.walk(source) for name in names if name.endswith(".md"))
    for number in range(count):
        parts = [open(path, encoding="utf-8").read() for path in files[number * 20:(number + 1) * 20]]
        front, first = parts[0].split("\n---\n", 1)
        bodies = [first] + [part.split("\n---\n", 1)[1] for part in parts[1:]]
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", "\n\n".join(bodies))
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        front = re.sub(r"(?m)^related:.*$", "", front)
        folder = os.path.join(target, f"long{number // 100}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"page-{number:04}.md"), "w", encoding="utf-8") as handle:
            handle.write(front + "\n---\n" + text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--long", type=int, default=0, help="this many long articles instead")
    parser.add_argument("--work", default="/tmp/tebiki-bench")
    args = parser.parse_args()

    generated = args.articles if not args.long else args.long * 20
    site = os.path.join(args.work, f"corpus-{generated}")
    articles = os.path.join(site, "Articles")
    if not os.path.isdir(articles):
        subprocess.run([sys.executable, os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen-corpus.py"),
                        "--articles", str(generated), "--lang", "mixed", "--out", articles], check=True, stdout=subprocess.DEVNULL)
    if args.long:
        site = os.path.join(args.work, f"long-{args.long}")
        if not os.path.isdir(site):
            long_corpus(articles, os.path.join(site, "Articles"), args.long)
        articles = os.path.join(site, "Articles")
        args.articles = f"long-{args.long}"
    subprocess.run([os.path.join(ROOT, "Scripts", "build-release")], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    output = os.path.join(args.work, f"search-out-{args.articles}")
    subprocess.run(["rm", "-rf", output], check=True)
    timings = subprocess.run([os.path.join(ROOT, ".build", "release", "tebiki"), "build", "--timings", "--source", site,
                              "--output", output], check=True, capture_output=True, text=True).stdout
    lines = timings.splitlines()
    index_time = float(lines[lines.index("[5/7] Indexing for search") + 1].split()[0])
    search_files = [os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(output, "search")) for name in names]
    raw = sum(os.path.getsize(path) for path in search_files)
    packed = sum(gzip_size(path) for path in search_files if path.endswith(".js"))
    count = sum(1 for _, _, names in os.walk(articles) for name in names if name.endswith(".md"))
    print(f"index: built in {index_time:.2f} s; {len(search_files)} files, {raw / 1e6:.1f} MB, {packed / 1e6:.1f} MB gzip, "
          f"{raw / count / 1000:.1f} KB an article")

    driver = chromium()
    try:
        print(f"{'query':<18} {'first query KB gz':>17} {'cold ms':>8} {'warm ms':>8} {'found':>6} {'contain':>8}")
        for query in QUERIES:
            open_with_search_focused(driver, f"file://{output}/index.html")
            cold = driver.execute_async_script(
                "const done = arguments[arguments.length - 1]; const start = performance.now();"
                "TebikiSearch.query(arguments[0], 8).then(r => done([performance.now() - start, r.total]));", query)
            warm = []
            for _ in range(5):
                warm.append(driver.execute_async_script(
                    "const done = arguments[arguments.length - 1]; const start = performance.now();"
                    "TebikiSearch.query(arguments[0], 8).then(() => done(performance.now() - start));", query))
            size = sum(gzip_size(path) for path in search_files_loaded(driver))
            words = query.split()
            print(f"{query:<18} {size / 1000:>17.1f} {cold[0]:>8.1f} {statistics.median(warm):>8.1f} {cold[1]:>6} "
                  f"{containing(articles, words):>8}")
        print(f"\n{'query':<18} {'typed → shown ms':>17} {'after the pause':>16}")
        for query in QUERIES:
            open_with_search_focused(driver, f"file://{output}/index.html")
            shown = driver.execute_async_script(TYPE_QUERY, query)
            print(f"{query:<18} {shown:>17.1f} {shown - PAUSE_MS:>16.1f}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
