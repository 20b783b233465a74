"""Publishing and listening (Tests/Fixtures/publishing): "Was this helpful?" sends exactly the
documented JSON to the site's endpoint (a receiver started here, on another origin) and raises
tebiki:feedback; a reader votes once; with no endpoint, and from disk, nothing is sent; a search
with no results raises tebiki:search with count 0 and offers the support link; the print
stylesheet hides the chrome; axe passes on the widget; the feed, sitemap, robots.txt and JSON-LD
parse. The site is served by nginx at the root and under /help/."""
import http.server
import json
import os
import re
import shutil
import threading
import xml.etree.ElementTree as ElementTree

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import REPOSITORY, Nginx, build_site, set_color_scheme, wait_for

FIXTURE = os.path.join(REPOSITORY, "Tests", "Fixtures", "publishing")
ATOM = "{http://www.w3.org/2005/Atom}"
VOTE_KEYS = {"article", "language", "helpful", "reason", "comment", "url"}


class Receiver:
    """A feedback receiver on 127.0.0.1: keeps every POST body it is sent."""

    def __init__(self):
        received = self.received = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                received.append({"path": self.path, "type": self.headers.get("Content-Type"),
                                 "body": self.rfile.read(length).decode("utf-8")})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/votes"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def site_with(work_folder, name, endpoint):
    """A copy of the fixture whose feedback goes to `endpoint` (none: the line is left out)."""
    source = os.path.join(work_folder, name + "-source")
    shutil.copytree(FIXTURE, source)
    config = os.path.join(source, "tebiki.yml")
    with open(config, encoding="utf-8") as file:
        text = file.read()
    replacement = f"  endpoint: {endpoint}\n" if endpoint else ""
    text = re.sub(r"  endpoint: .*\n", replacement, text)
    with open(config, "w", encoding="utf-8") as file:
        file.write(text)
    return source


@pytest.fixture(scope="module")
def receiver():
    server = Receiver()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sites(work_folder, receiver):
    """nginx with the fixture at the root (votes to the receiver) and under /help/ (no endpoint)."""
    root = os.path.join(work_folder, "publishing-root")
    sub = os.path.join(work_folder, "publishing-help")
    build_site(site_with(work_folder, "publishing-root", receiver.url), root)
    build_site(site_with(work_folder, "publishing-help", None), sub, base_url="http://127.0.0.1/help/")
    nginx = Nginx(root, "help", sub)
    yield nginx, root, sub
    nginx.stop()


LISTEN = ("window.tebikiEvents = [];"
          "['tebiki:feedback', 'tebiki:search', 'tebiki:search-select'].forEach(name =>"
          "  document.addEventListener(name, e => window.tebikiEvents.push([name, e.detail])));")


@pytest.fixture
def listening(driver):
    """The test's browser, recording the help centre's events from the start of every page
    (the results page searches as it loads)."""
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    yield driver
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def open_article(driver, url):
    """Opens `url` as a reader who has not voted yet."""
    driver.get(url)
    driver.execute_script("localStorage.clear()")
    driver.refresh()


def events(driver, name):
    return [detail for event, detail in driver.execute_script("return window.tebikiEvents") if event == name]


def test_voting_yes_posts_the_documented_json_once(listening, sites, receiver):
    driver = listening
    nginx, _, _ = sites
    receiver.received.clear()
    open_article(driver, nginx.root_url + "guide/start/")
    driver.find_element(By.CSS_SELECTOR, ".feedback-choice[data-helpful=true]").click()
    wait_for(lambda: receiver.received)
    assert len(receiver.received) == 1
    vote = json.loads(receiver.received[0]["body"])
    assert set(vote) == VOTE_KEYS
    assert vote == {"article": "guide/start", "language": "ja", "helpful": True, "reason": None, "comment": None,
                    "url": nginx.root_url + "guide/start/"}
    assert events(driver, "tebiki:feedback") == [vote]
    thanks = driver.find_element(By.CSS_SELECTOR, ".feedback-thanks")
    assert thanks.text == "ご意見ありがとうございました。"
    assert driver.execute_script("return document.activeElement.className") == "feedback-thanks"
    # Once: after a reload the question is answered, and nothing more is sent.
    driver.refresh()
    assert not driver.find_element(By.CSS_SELECTOR, ".feedback-choices").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".feedback-thanks").text == "ご意見ありがとうございました。"
    assert len(receiver.received) == 1


def test_voting_no_with_a_reason_and_a_comment(listening, sites, receiver):
    driver = listening
    nginx, _, _ = sites
    receiver.received.clear()
    open_article(driver, nginx.root_url + "billing/invoices/")
    driver.find_element(By.CSS_SELECTOR, ".feedback-choice[data-helpful=false]").click()
    # The reasons open with the keyboard where they are, and the support link is offered.
    assert driver.execute_script("return document.activeElement.value") == "説明が古い"
    assert driver.find_element(By.CSS_SELECTOR, ".feedback-support a").get_attribute("href") == "https://acme.example.com/contact"
    driver.find_element(By.CSS_SELECTOR, "input[value='手順が分かりにくい']").click()
    comment = "画面が違います </script> \u2028 \"引用\""
    driver.find_element(By.CSS_SELECTOR, ".feedback-comment").send_keys(comment)
    driver.find_element(By.CSS_SELECTOR, ".feedback-send").click()
    wait_for(lambda: receiver.received)
    vote = json.loads(receiver.received[0]["body"])
    assert vote == {"article": "billing/invoices", "language": "ja", "helpful": False, "reason": "手順が分かりにくい",
                    "comment": comment.strip(), "url": nginx.root_url + "billing/invoices/"}
    assert receiver.received[0]["type"].startswith("text/plain")
    assert events(driver, "tebiki:feedback") == [vote]
    assert not driver.find_element(By.CSS_SELECTOR, ".feedback-form").is_displayed()


def test_without_an_endpoint_nothing_is_sent(listening, sites, receiver):
    driver = listening
    nginx, _, _ = sites
    receiver.received.clear()
    open_article(driver, nginx.sub_url + "guide/start/")
    driver.find_element(By.CSS_SELECTOR, ".feedback-choice[data-helpful=true]").click()
    assert wait_for(lambda: events(driver, "tebiki:feedback"))[0]["helpful"] is True
    # The beacon, had there been one, is queued before the event is raised.
    sent = driver.execute_script("return performance.getEntriesByType('resource')"
                                 ".filter(e => e.initiatorType === 'beacon' || e.initiatorType === 'fetch').length")
    assert sent == 0
    assert receiver.received == []
    assert driver.execute_script("return localStorage.getItem('tebiki.feedback.guide/start')") == "yes"


def test_from_disk_the_vote_is_kept_and_not_sent(listening, sites, receiver):
    driver = listening
    _, root, _ = sites
    receiver.received.clear()
    open_article(driver, "file://" + os.path.join(root, "guide", "start", "index.html"))
    driver.get_log("browser")
    driver.find_element(By.CSS_SELECTOR, ".feedback-choice[data-helpful=true]").click()
    vote = wait_for(lambda: events(driver, "tebiki:feedback"))[0]
    assert vote["url"] is None
    assert receiver.received == []
    assert [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"] == []


def test_a_search_with_no_results_raises_the_event_and_offers_support(listening, sites):
    driver = listening
    nginx, _, _ = sites
    for base in (nginx.root_url, nginx.sub_url):
        open_article(driver, base + "search/?q=" + "存在しないことばxyzzy")
        summary = wait_for(lambda: driver.find_element(By.CSS_SELECTOR, ".search-summary").text)
        assert "存在しないことばxyzzy" in summary
        assert wait_for(lambda: events(driver, "tebiki:search")) == [
            {"query": "存在しないことばxyzzy", "count": 0, "language": "ja", "where": "page"}]
        link = driver.find_element(By.CSS_SELECTOR, ".search-summary .support-link a")
        assert link.get_attribute("href") == "https://acme.example.com/contact"
        assert link.text == "サポートに問い合わせる"


def test_choosing_a_result_raises_search_select(listening, sites):
    driver = listening
    nginx, _, _ = sites
    open_article(driver, nginx.root_url)
    box = driver.find_element(By.CSS_SELECTOR, "form.search input")
    box.send_keys("請求書")
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "[role=option]"))
    assert events(driver, "tebiki:search")[-1]["count"] >= 1
    driver.execute_script("document.addEventListener('tebiki:search-select', e => sessionStorage.setItem('chosen', JSON.stringify(e.detail)));")
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait_for(lambda: "/billing/invoices/" in driver.current_url)
    chosen = json.loads(driver.execute_script("return sessionStorage.getItem('chosen')"))
    assert chosen == {"query": "請求書", "url": "billing/invoices/", "title": "請求書を見る", "rank": 1, "language": "ja"}


def test_print_hides_the_chrome_and_prints_link_addresses(listening, sites):
    driver = listening
    nginx, _, _ = sites
    driver.get(nginx.root_url + "guide/start/")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = driver.execute_script(
            "return ['.site-header', '.site-footer', '.toc-disclosure', '.feedback', '.breadcrumbs', '.edit-link', 'form.search']"
            ".map(s => document.querySelector(s)).filter(e => e && getComputedStyle(e).display !== 'none').map(e => e.className)")
        assert shown == []
        after = driver.execute_script("var a = document.querySelector(\".article-body a[href^='https://example.org']\");"
                                      "return getComputedStyle(a, '::after').content")
        assert "https://example.org/docs" in after
        assert driver.find_element(By.CSS_SELECTOR, ".article-body").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_feedback_widget_passes_axe(listening, sites, scheme):
    driver = listening
    nginx, _, _ = sites
    set_color_scheme(driver, scheme)
    open_article(driver, nginx.root_url + "guide/start/")
    driver.find_element(By.CSS_SELECTOR, ".feedback-choice[data-helpful=false]").click()
    axe = Axe(driver)
    axe.inject()
    results = axe.run(context=".feedback")
    assert [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")] == []


def test_feed_sitemap_robots_and_structured_data_parse(sites):
    _, root, sub = sites
    feed = ElementTree.parse(os.path.join(root, "feed.xml")).getroot()
    assert feed.tag == ATOM + "feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(ATOM + required) is not None, required
    entries = feed.findall(ATOM + "entry")
    assert [entry.find(ATOM + "title").text for entry in entries] == ["請求書を見る", "はじめての </script> 設定\u2028ガイド"]
    for entry in entries:
        for required in ("id", "title", "updated", "link", "summary"):
            assert entry.find(ATOM + required) is not None, required
    sitemap = ElementTree.parse(os.path.join(sub, "sitemap.xml")).getroot()
    locations = [element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "http://127.0.0.1/help/guide/start/" in locations
    with open(os.path.join(sub, "robots.txt"), encoding="utf-8") as file:
        lines = file.read().splitlines()
    assert lines[0] == "User-agent: *" and "Sitemap: http://127.0.0.1/help/sitemap.xml" in lines
    with open(os.path.join(root, "guide", "start", "index.html"), encoding="utf-8") as file:
        page = file.read()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    article, crumbs = data
    assert article["@type"] == "Article" and article["headline"] == "はじめての </script> 設定\u2028ガイド"
    assert {"headline", "inLanguage", "dateModified", "datePublished"} <= set(article)
    assert crumbs["@type"] == "BreadcrumbList" and len(crumbs["itemListElement"]) == 3


def test_on_a_phone_the_table_of_contents_folds_away(driver, server):
    driver.set_window_size(390, 844)
    driver.get(server.root_url + "login/login/")
    disclosure = driver.find_element(By.CSS_SELECTOR, "details.toc-disclosure")
    assert wait_for(lambda: disclosure.get_attribute("open") is None)
    # The article's first words are on the first screen.
    top = driver.execute_script("return document.querySelector('.article-body p').getBoundingClientRect().top")
    assert top < 844
    disclosure.find_element(By.TAG_NAME, "summary").click()
    assert driver.find_element(By.CSS_SELECTOR, "nav.toc a").is_displayed()
    driver.set_window_size(1280, 900)
    assert wait_for(lambda: disclosure.get_attribute("open") == "true")
