"""Search on a generated 10,000-article help centre (../shared/bench/gen-corpus.py, mixed
Japanese and English), opened from disk in headless Chromium: what a first query downloads
stays within its budget, a query loads only a few parts of the index, and every article that
contains a Japanese compound word is found.

Query times are printed, not asserted (machines here are noisy); Benchmarks/search-scale.py
measures them."""
import os
import subprocess
import sys

import pytest

from harness import REPOSITORY, build_site, gzip_size, open_with_search_focused, search_files_loaded

GENERATOR = os.path.join(os.path.dirname(REPOSITORY), "shared", "bench", "gen-corpus.py")
BUDGET = 150 * 1000  # bytes, gzip-compressed, search.js included
QUERIES = ["ログイン", "ワークスペース", "二段階認証コード", "監査ログ", "password reset"]


@pytest.fixture(scope="module")
def large_site(work_folder):
    if not os.path.exists(GENERATOR):
        pytest.fail(f"the corpus generator is missing: {GENERATOR}")
    source = os.path.join(work_folder, "corpus-10000")
    subprocess.run([sys.executable, GENERATOR, "--articles", "10000", "--lang", "mixed",
                    "--out", os.path.join(source, "Articles")], check=True, stdout=subprocess.DEVNULL)
    output = os.path.join(work_folder, "corpus-10000-site")
    build_site(source, output)
    return source, output


def containing(articles, word):
    count = 0
    for folder, _, names in os.walk(articles):
        for name in names:
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8") as file:
                    if word in file.read():
                        count += 1
    return count



@pytest.mark.parametrize("query", QUERIES)
def test_a_first_query_stays_within_its_download_budget_and_finds_every_article(driver, large_site, query):
    source, output = large_site
    open_with_search_focused(driver, f"file://{output}/index.html")
    cold_ms, total = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; const start = performance.now();"
        "TebikiSearch.query(arguments[0], 8).then(r => done([performance.now() - start, r.total]));", query)
    warm_ms = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; const start = performance.now();"
        "TebikiSearch.query(arguments[0], 8).then(() => done(performance.now() - start));", query)
    paths = search_files_loaded(driver)
    downloaded = sum(gzip_size(path) for path in paths)
    shards = [path for path in paths if "/search/t/" in path]
    chunks = [path for path in paths if "/search/d/" in path]
    print(f"\n{query}: {downloaded / 1000:.1f} KB gzip in {len(paths)} files, cold {cold_ms:.1f} ms, warm {warm_ms:.1f} ms, {total} found")
    assert downloaded <= BUDGET, f"{query}: the first query downloaded {downloaded} bytes"
    # Only the shards of the query's terms and the chunks of the results shown: never the index.
    terms = len(query.replace(" ", "")) if not query.isascii() else len(query.split())
    assert 1 <= len(shards) <= terms + 4, f"{query}: {len(shards)} shards loaded"
    assert len(chunks) <= 16, f"{query}: {len(chunks)} chunks loaded"
    texts = [path for path in paths if "/search/x/" in path]
    assert len(texts) <= 8, f"{query}: {len(texts)} snippet texts loaded for 8 results"
    if not query.isascii():
        assert total == containing(os.path.join(source, "Articles"), query)
