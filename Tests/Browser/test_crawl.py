"""A reader's view of the sample help centre: served by nginx at the domain root and under a
sub-path, and opened straight from disk. Every page must be reachable from the home page and
every link, fragment, stylesheet, script and image must resolve, with no console errors."""
import os
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from harness import crawl, html_pages, is_redirect_page


def expected_pages(site):
    """Pages a reader can reach by following links, in every language: all but the 404 pages,
    alias redirects and the search results pages, which the search form opens (test_search.py
    covers them)."""
    return {page for page in html_pages(site)
            if os.path.basename(page) != "404.html" and not page.endswith("search/index.html")
            and not is_redirect_page(os.path.join(site, page))}


def visited_pages(report, prefix):
    pages = set()
    for url in report.pages:
        path = url[len(prefix):]
        pages.add(path + "index.html" if path == "" or path.endswith("/") else path)
    return pages


def start_and_scope(mode, server, sample_sites):
    root, sub = sample_sites
    if mode == "domain root":
        return server.root_url, server.root_url, root
    if mode == "sub-path":
        return server.sub_url, server.sub_url, sub
    return f"file://{root}/index.html", f"file://{root}/", root


@pytest.mark.parametrize("mode", ["domain root", "sub-path", "from disk"])
def test_every_page_is_reachable_and_every_reference_resolves(driver, server, sample_sites, mode):
    start, scope, site = start_and_scope(mode, server, sample_sites)
    report = crawl(driver, start, scope)
    assert report.problems == []
    assert visited_pages(report, scope) == expected_pages(site)
    assert len(report.pages) >= 20


@pytest.mark.parametrize("mode", ["domain root", "sub-path", "from disk"])
def test_reader_navigates_home_category_article_and_back(driver, server, sample_sites, mode):
    start, _, _ = start_and_scope(mode, server, sample_sites)
    driver.get(start)
    driver.find_element(By.CSS_SELECTOR, ".category-card h3 a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "ログインとログアウト"
    driver.find_element(By.CSS_SELECTOR, ".article-list a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "kintone にログインする"
    # The table of contents jumps to the heading.
    driver.find_element(By.CSS_SELECTOR, ".toc a[href*='%E6%89%8B%E9%A0%86']").click()
    assert driver.execute_script("return decodeURIComponent(location.hash)") == "#ログインの手順"
    driver.find_element(By.CSS_SELECTOR, ".breadcrumbs li:first-child a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "kintone ログインヘルプ"


@pytest.mark.parametrize("prefix", ["", "help/"])
def test_missing_pages_get_the_themes_404_page(driver, server, prefix):
    url = f"{server.root_url}{prefix}no/such/page/"
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(url, timeout=10)
    assert answer.value.code == 404
    assert "ページが見つかりません" in answer.value.read().decode()
    driver.get(url)
    # The 404 page is served at any depth, so its stylesheet and links come from the base path.
    assert driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    driver.find_element(By.LINK_TEXT, "ホームへ戻る").click()
    assert driver.current_url == f"{server.root_url}{prefix}"
