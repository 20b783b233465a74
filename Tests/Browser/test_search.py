"""Search as readers use it: a query set that must return the expected article first, at the
domain root, under a sub-path and from disk; the combobox by keyboard; and text from the index
that must stay text."""
import json
import os
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import FIXTURES, REPOSITORY, build_site, wait_for

QUERIES = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-queries.json"), encoding="utf-8"))



def results_page(driver, base, query, from_disk=False):
    page = "search/index.html" if from_disk else "search/"
    driver.get(f"{base}{page}?q={urllib.parse.quote(query)}")
    wait_for(lambda: driver.find_element(By.CSS_SELECTOR, ".search-summary").text)
    return [urllib.parse.unquote(a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".search-results a")]


def site_path(href, base):
    path = href[len(base):].split("#")[0]
    return path[:-len("index.html")] if path.endswith("index.html") else path


@pytest.mark.parametrize("mode", ["domain root", "sub-path", "from disk"])
def test_every_query_returns_its_article_first(driver, server, sample_sites, mode):
    root, _ = sample_sites
    base = {"domain root": server.root_url, "sub-path": server.sub_url, "from disk": f"file://{root}/"}[mode]
    misses = []
    for case in QUERIES:
        hrefs = results_page(driver, base, case["query"], from_disk=mode == "from disk")
        first = site_path(hrefs[0], urllib.parse.unquote(base)) if hrefs else None
        if first != case["first"]:
            misses.append(f"{case['query']!r}: expected {case['first']}, got {first}")
    assert misses == []
    assert len(QUERIES) >= 15
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_results_link_to_the_matching_section(driver, server):
    hrefs = results_page(driver, server.root_url, "パスワードを忘れた")
    assert hrefs[0] == server.root_url + "troubleshooting/password/reset-password/#パスワードを再設定する手順"
    driver.get(hrefs[0].replace("#", "#" + "").split("#")[0] + "#" + urllib.parse.quote("パスワードを再設定する手順"))
    assert driver.execute_script("return document.getElementById('パスワードを再設定する手順') !== null")


def test_suggestions_as_the_reader_types_with_the_keyboard(driver, server):
    driver.get(server.root_url + "login/logout/")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    box = driver.switch_to.active_element
    assert box.get_attribute("id") == "tebiki-search-input"
    box.send_keys("ぱすわーど")
    options = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#tebiki-search-listbox [role=option]"))
    assert options, "no suggestions appeared"
    assert box.get_attribute("aria-expanded") == "true"
    # Matched words are highlighted, as text.
    assert driver.find_elements(By.CSS_SELECTOR, "#tebiki-search-listbox mark")
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "tebiki-search-option-0"
    assert options[0].get_attribute("aria-selected") == "true"
    first_title = options[0].find_element(By.CSS_SELECTOR, ".search-result-title").text
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    box.send_keys(Keys.ARROW_DOWN)
    wait_for(lambda: box.get_attribute("aria-expanded") == "true")
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait_for(lambda: "logout" not in driver.current_url)
    assert driver.find_element(By.TAG_NAME, "h1").text == first_title


# Ways text reaches the box: typed key by key (a Latin word still being typed, "passw", is not
# loaded), pasted, and composed by an input method (nothing is loaded for text not yet converted,
# にだんかい before it becomes 二段階) and then committed.
ENTRY = {
    "typed": """
        input.value = '二段階認証 passw';
        input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: 'w'}));""",
    "pasted": """
        input.value = '二段階認証';
        input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));""",
    "input method": """
        input.value = 'にだんかいにんしょう';
        input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertCompositionText', isComposing: true}));
        if (shards().length) throw new Error('loaded while composing: ' + shards());
        input.value = '二段階認証';
        input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '二段階認証'}));""",
}


@pytest.mark.parametrize("entry", ENTRY)
def test_the_pause_before_a_query_loads_the_parts_of_what_was_entered(driver, server, entry):
    shards = "Array.from(document.scripts, s => s.src).filter(s => s.includes('/search/t/')).sort()"
    driver.get(server.root_url)
    driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                "TebikiSearch.query('二段階認証', 8).then(() => done());")
    wanted = driver.execute_script(f"return {shards};")
    assert wanted

    driver.get(server.root_url)
    driver.find_element(By.ID, "tebiki-search-input").click()
    wait_for(lambda: driver.execute_script("return Array.from(document.scripts).some(s => s.src.endsWith('search/meta.js'))"))
    loaded, hidden = driver.execute_async_script(f"""
        const done = arguments[arguments.length - 1];
        const input = document.getElementById('tebiki-search-input');
        const shards = () => {shards};
        {ENTRY[entry]}
        setTimeout(() => done([shards(), document.getElementById('tebiki-search-listbox').hidden]), 20);""")
    assert hidden, "the query ran before its pause"
    assert loaded == wanted
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#tebiki-search-listbox li"))


def test_enter_without_a_choice_opens_the_shareable_results_page(driver, server):
    driver.get(server.root_url)
    box = driver.find_element(By.ID, "tebiki-search-input")
    box.send_keys("サブドメイン", Keys.ENTER)
    wait_for(lambda: "search/" in driver.current_url)
    assert urllib.parse.unquote(driver.current_url) == server.root_url + "search/?q=サブドメイン"
    summary = wait_for(lambda: driver.find_element(By.CSS_SELECTOR, ".search-summary").text)
    assert "件の記事が見つかりました" in summary


def test_no_match_says_so_helpfully(driver, server):
    hrefs = results_page(driver, server.root_url, "zzzqqq")
    assert hrefs == []
    assert "zzzqqq" in driver.find_element(By.CSS_SELECTOR, ".search-summary").text


def test_text_from_the_index_stays_text(driver, work_folder):
    site = os.path.join(work_folder, "search-escaping")
    build_site(os.path.join(FIXTURES, "search-escaping"), site)
    base = f"file://{site}/"
    driver.get(f"{base}search/index.html?q=zebracorn")
    link = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".search-results a"))[0]
    title = link.find_element(By.CSS_SELECTOR, ".search-result-title").text
    assert title == 'Quotes " and <img src=x onerror=alert(1)> markup'
    assert driver.find_elements(By.CSS_SELECTOR, ".search-results img") == []
    snippet = link.find_element(By.CSS_SELECTOR, ".search-result-snippet").text
    assert "zebracorn" in snippet
    assert driver.execute_script("return typeof window.alert2") == "undefined"
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_search_js_tokenizes_the_shared_table_as_the_swift_tokenizer_does(driver, server):
    """Tests/Fixtures/tokenizer-cases.json is what TextTokenizer.swift makes of each text (a Swift
    test keeps it so); search.js's own functions, cut out of the file as it ships, must agree."""
    with open(os.path.join(REPOSITORY, "Themes/default/assets/search.js"), encoding="utf-8") as file:
        source = file.read()
    start = source.index("  // ---- Tokenizing")
    end = source.index("  // ---- Querying")
    with open(os.path.join(REPOSITORY, "Tests/Fixtures/tokenizer-cases.json"), encoding="utf-8") as file:
        cases = json.load(file)
    assert len(cases) >= 20
    driver.get(server.root_url)
    # shardOf takes the hash modulo meta.shards: with 2^32 shards it is the hash itself.
    got = driver.execute_script(
        "var meta = {shards: 4294967296};\n" + source[start:end] +
        "\nreturn arguments[0].map(function (c) {"
        " var t = terms(c.text); return {terms: t, hashes: t.map(shardOf), titleKeys: titleKeys(c.text)}; });",
        cases)
    for case, result in zip(cases, got):
        assert result["terms"] == case["terms"], case["text"]
        assert result["hashes"] == case["hashes"], case["text"]
        assert result["titleKeys"] == case["titleKeys"], case["text"]
