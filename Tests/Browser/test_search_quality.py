"""Search on the kinds of queries a sample site is too small to show: a title against articles that
use its word more often, identifiers that appear only in code, half-width katakana, a query with
no whole match, snippets with code and headings, the results page's filters, and input methods.
The site is Tests/Fixtures/search-quality, opened from disk."""
import os
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import FIXTURES, build_site, wait_for


@pytest.fixture(scope="module")
def site(work_folder):
    folder = os.path.join(work_folder, "search-quality")
    build_site(os.path.join(FIXTURES, "search-quality"), folder)
    return f"file://{folder}/"


def query(driver, site, text, limit=5):
    """TebikiSearch.query's answer, each hit's URL reduced to its page."""
    driver.get(site + "index.html")
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "TebikiSearch.query(arguments[0], arguments[1]).then(done, e => done({error: String(e)}));", text, limit)
    assert "error" not in result, result
    for hit in result["hits"]:
        hit["page"] = hit["url"].split("#")[0].removeprefix("./").removesuffix("index.html")
    return result


def suggestions(driver, site, text):
    """Types `text` into the box at once, as an input method's commit does; the listbox once shown."""
    driver.get(site + "index.html")
    box = driver.find_element(By.CSS_SELECTOR, "form.search input")
    box.click()
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: arguments[1]}));",
        box, text)
    listbox = driver.find_element(By.CSS_SELECTOR, "form.search [role=listbox]")
    wait_for(lambda: listbox.is_displayed() and listbox.find_elements(By.CSS_SELECTOR, "li"))
    return box, listbox


def test_a_query_that_is_a_title_finds_that_article_first(driver, site):
    # 値の受け渡し says コンポーネント seven times; the article titled so says it once.
    for text in ["コンポーネント", "こんぽーねんと", "ｺﾝﾎﾟｰﾈﾝﾄ"]:
        assert [hit["page"] for hit in query(driver, site, text)["hits"]][:2] == ["api/components/", "api/props/"], text
    # The title's alias in parentheses names it too.
    assert [hit["page"] for hit in query(driver, site, "Component")["hits"]] == ["api/components/"]


def test_identifiers_are_found_in_code_and_shown_as_code(driver, site):
    assert query(driver, site, "defineProps")["hits"][0]["page"] == "api/props/"
    assert query(driver, site, "CB_AU01")["hits"][0]["page"] == "api/errors/"
    assert query(driver, site, "v-model")["hits"][0]["page"] == "guide/start/"
    # Only the code block has defineProps: the snippet is that line, as code, the name marked.
    _, listbox = suggestions(driver, site, "defineProps")
    code = listbox.find_element(By.CSS_SELECTOR, "[role=option] .search-result-code")
    assert code.text == "const props = defineProps(['title', 'size'])"
    assert [mark.text for mark in code.find_elements(By.CSS_SELECTOR, "mark")] == ["defineProps"]


def test_snippets_keep_inline_code_and_put_the_heading_apart(driver, site):
    _, listbox = suggestions(driver, site, "テンプレート")
    option = listbox.find_element(By.CSS_SELECTOR, "[role=option]")
    assert option.find_element(By.CSS_SELECTOR, ".search-result-heading").text == "基本的な例"
    snippet = option.find_element(By.CSS_SELECTOR, ".search-result-snippet")
    assert snippet.text.startswith("テンプレートに v-model を書くと、入力欄と値が結び付きます。")
    assert [code.text for code in snippet.find_elements(By.CSS_SELECTOR, "code")] == ["v-model"]
    assert "基本的な例" not in snippet.text
    # The result opens at that section.
    assert urllib.parse.unquote(query(driver, site, "テンプレート")["hits"][0]["url"]).endswith("#基本的な例")


def test_highlighting_marks_the_characters_written_in_half_width(driver, site):
    # NFKC makes ﾛｸﾞｲﾝ (five characters, the voiced mark apart) ログイン (four): the mark must
    # cover exactly the five the writer typed.
    _, listbox = suggestions(driver, site, "ログイン画面")
    option = listbox.find_element(By.CSS_SELECTOR, "[role=option]")
    assert option.find_element(By.CSS_SELECTOR, ".search-result-title").text == "エラーコード一覧"
    marks = [mark.text for mark in option.find_elements(By.CSS_SELECTOR, ".search-result-snippet mark")]
    assert "ﾛｸﾞｲﾝ画面" in marks or "ﾛｸﾞｲﾝ" in marks, marks


def test_a_synonym_finds_what_the_site_calls_otherwise(driver, site):
    result = query(driver, site, "お試し")
    assert result["hits"][0]["page"] == "guide/trial/"
    _, listbox = suggestions(driver, site, "お試し")
    assert listbox.find_elements(By.CSS_SELECTOR, ".search-partial") == []


def test_a_query_with_no_whole_match_falls_back_to_its_parts_and_suggests_words(driver, site):
    # No synonym covers 試運転, and no article has 試運 or 運転: its kanji alone still find the
    # article about the trial, labelled as a partial match, with the site's word for it offered.
    assert query(driver, site, "試運転")["hits"][0]["page"] == "guide/trial/"
    box, listbox = suggestions(driver, site, "試運転")
    note = listbox.find_element(By.CSS_SELECTOR, ".search-partial")
    assert "試運転" in note.text
    offered = [button.text for button in note.find_elements(By.CSS_SELECTOR, ".search-suggest button")]
    assert "試用" in offered
    note.find_element(By.XPATH, ".//button[text()='試用']").click()
    wait_for(lambda: box.get_attribute("value") == "試用" and not listbox.find_elements(By.CSS_SELECTOR, ".search-partial"))
    assert box.get_attribute("value") == "試用"
    assert listbox.find_elements(By.CSS_SELECTOR, ".search-partial") == []
    assert "試用環境を申し込む" in listbox.find_element(By.CSS_SELECTOR, "[role=option]").text


def test_the_results_page_filters_by_category_and_section_and_moves_by_keyboard(driver, site):
    driver.get(site + "search/index.html?q=" + urllib.parse.quote("コンポーネント"))
    filters = driver.find_element(By.CSS_SELECTOR, ".search-filters")
    wait_for(lambda: filters.is_displayed() and filters.find_elements(By.CSS_SELECTOR, "button"))
    labels = [button.text for button in filters.find_elements(By.CSS_SELECTOR, "button")]
    assert labels == ["すべて (3)", "API (2)", "ガイド (1)"]
    filters.find_element(By.XPATH, ".//button[text()='ガイド (1)']").click()
    wait_for(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".search-results a")) == 1)
    links = driver.find_elements(By.CSS_SELECTOR, ".search-results a")
    assert [urllib.parse.unquote(a.get_attribute("href")).endswith("guide/advanced/reactivity/index.html") for a in links] == [True]
    assert driver.find_element(By.CSS_SELECTOR, ".search-summary").text == "3 件中 1 件を表示"
    assert [b.text for b in filters.find_elements(By.CSS_SELECTOR, "button[aria-pressed=true]")] == ["ガイド (1)"]
    assert "ガイド › 応用 (1)" in [button.text for button in filters.find_elements(By.CSS_SELECTOR, "button")]
    filters.find_element(By.XPATH, ".//button[starts-with(text(), 'すべて')]").click()
    wait_for(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".search-results a")) == 3)
    links = driver.find_elements(By.CSS_SELECTOR, ".search-results a")
    assert "api/components/" in links[0].get_attribute("href")
    links[0].send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element == links[1]
    links[1].send_keys(Keys.ARROW_UP)
    assert driver.switch_to.active_element == links[0]


def compose(driver, text):
    """An input method's composition in progress, as Chromium reports one (isComposing true)."""
    driver.execute_cdp_cmd("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})


def key(driver, name, code):
    for kind in ["rawKeyDown", "keyUp"]:
        driver.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": kind, "key": name, "code": name,
                                                          "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code})


def test_enter_and_escape_during_a_composition_belong_to_the_input_method(driver, site):
    box, listbox = suggestions(driver, site, "コンポーネント")
    page = driver.current_url
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "tebiki-search-option-0"
    seen = driver.execute_script(
        "window.composingKeys = [];"
        "arguments[0].addEventListener('keydown', e => window.composingKeys.push([e.key, e.isComposing]));"
        "return true;", box)
    assert seen
    compose(driver, "の")
    key(driver, "Enter", 13)
    # Enter committed nothing the box should act on: no result opened, no results page.
    assert driver.execute_script("return window.composingKeys") == [["Enter", True]]
    assert driver.current_url == page
    compose(driver, "のう")
    key(driver, "Escape", 27)
    assert driver.current_url == page
    assert listbox.is_displayed()
    assert box.get_attribute("value").startswith("コンポーネント")
    # Once the composition is over, the same keys work as ever.
    driver.execute_cdp_cmd("Input.insertText", {"text": "の"})
    wait_for(lambda: driver.execute_script("return document.activeElement.value").endswith("の"))
    key(driver, "Escape", 27)
    wait_for(lambda: not listbox.is_displayed())
    assert not listbox.is_displayed()
