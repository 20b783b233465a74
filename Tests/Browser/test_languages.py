"""The sample help centre in two languages, as a reader meets it: search from each language's
pages finds that language's articles, the switcher moves between translations and falls back to
the other language's home, at the domain root, under a sub-path and from disk."""
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from test_crawl import start_and_scope
from test_search import results_page, site_path


def base_of(mode, server, sample_sites):
    _, scope, _ = start_and_scope(mode, server, sample_sites)
    return scope


def page_url(base, path, mode):
    return base + path + ("index.html" if mode == "from disk" else "")


MODES = ["domain root", "sub-path", "from disk"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("prefix, query, first", [
    ("en/", "password", "en/troubleshooting/password/reset-password/"),
    ("en/", "sign out", "en/login/logout/"),
    ("en/", "log in", "en/login/login/"),
    ("", "password", "troubleshooting/password/reset-password/"),
    ("", "ログアウト", "login/logout/"),
])
def test_search_from_a_languages_pages_finds_that_languages_articles(driver, server, sample_sites, mode, prefix, query, first):
    base = base_of(mode, server, sample_sites)
    hrefs = results_page(driver, base + prefix, query, from_disk=mode == "from disk")
    assert hrefs, f"nothing found for {query!r}"
    assert site_path(hrefs[0], urllib.parse.unquote(base)) == first
    found = [site_path(href, urllib.parse.unquote(base)) for href in hrefs]
    assert all(path.startswith("en/") == (prefix == "en/") for path in found), found


@pytest.mark.parametrize("mode", MODES)
def test_the_switcher_moves_between_translations_and_falls_back_to_the_home_page(driver, server, sample_sites, mode):
    base = base_of(mode, server, sample_sites)
    driver.get(page_url(base, "login/login/", mode))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    driver.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=en]").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Sign in to kintone"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert driver.find_element(By.CSS_SELECTOR, ".language-switcher [aria-current]").text == "English"
    driver.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=ja]").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "kintone にログインする"
    # An article without an English translation: the switcher goes to the English home.
    driver.get(page_url(base, "tips/bookmark/", mode))
    driver.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=en]").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "kintone sign-in help"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_an_english_page_shows_english_chrome_and_the_section_in_english(driver, server):
    driver.get(server.root_url + "en/troubleshooting/password/reset-password/")
    assert [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs li")] == [
        "Home", "When you cannot sign in", "Password problems", "If you forgot your password"]
    assert driver.find_element(By.CSS_SELECTOR, ".section-nav h2").text == "Articles in this section"
    assert driver.find_element(By.CSS_SELECTOR, ".search-input").get_attribute("placeholder").startswith("Search")
