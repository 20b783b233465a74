"""What the Markdown extensions give a reader: tabs by keyboard with the choice remembered
across pages, copy buttons, tables that scroll inside their box on a phone, and no serious
accessibility problem on pages using them, in light and dark."""
import os
import urllib.request

import pytest
from selenium.webdriver.common.keys import Keys

from harness import REPOSITORY, Nginx, build_site, set_color_scheme, wait_for
from test_accessibility import serious_violations

FIXTURE = os.path.join(REPOSITORY, "Tests", "Fixtures", "markdown")


@pytest.fixture(scope="module")
def markdown_site(work_folder):
    output = os.path.join(work_folder, "markdown-site")
    build_site(FIXTURE, output)
    nginx = Nginx(output, "help", output)
    yield output, nginx
    nginx.stop()


def tab_state(driver):
    """(label, aria-selected, tabindex) of each tab of the page's first tab set, and which panels show."""
    return driver.execute_script("""
        const tabs = document.querySelector('.tabs');
        return {
          tabs: [...tabs.querySelectorAll('[role=tab]')].map(t => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex]),
          shown: [...tabs.querySelectorAll('[role=tabpanel]')].filter(p => !p.hidden && p.offsetHeight > 0).map(p => p.dataset.tabLabel),
          focused: document.activeElement.getAttribute('role') === 'tab' ? document.activeElement.textContent : null,
        };""")


def test_tabs_follow_the_aria_pattern_by_keyboard(driver, markdown_site):
    _, nginx = markdown_site
    driver.get(nginx.root_url + "guide/steps/")
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    state = tab_state(driver)
    assert state["tabs"] == [["PC", "true", 0], ["スマートフォン", "false", -1]]
    assert state["shown"] == ["PC"]
    first = driver.find_element("css selector", ".tabs [role=tab]")
    first.send_keys(Keys.ARROW_RIGHT)
    state = tab_state(driver)
    assert state["tabs"] == [["PC", "false", -1], ["スマートフォン", "true", 0]]
    assert state["shown"] == ["スマートフォン"] and state["focused"] == "スマートフォン"
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)  # wraps round
    assert tab_state(driver)["focused"] == "PC"
    driver.switch_to.active_element.send_keys(Keys.END)
    assert tab_state(driver)["focused"] == "スマートフォン"
    driver.switch_to.active_element.send_keys(Keys.HOME)
    assert tab_state(driver)["shown"] == ["PC"]
    # Tab moves from the selected tab into its panel, not to the other tab.
    driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.execute_script("return document.activeElement.getAttribute('role')") == "tabpanel"


def test_the_chosen_tab_is_chosen_on_the_next_page(driver, markdown_site):
    _, nginx = markdown_site
    driver.get(nginx.root_url + "guide/steps/")
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    driver.find_elements("css selector", ".tabs [role=tab]")[1].click()
    driver.get(nginx.root_url + "guide/other/")
    assert tab_state(driver)["shown"] == ["スマートフォン"]
    assert driver.execute_script("return document.body.innerText").count("スマートフォンでの手順です。") == 1
    assert "PC での手順です。" not in driver.execute_script("return document.body.innerText")


def test_every_panel_is_in_the_page_without_script(markdown_site):
    _, nginx = markdown_site
    html = urllib.request.urlopen(nginx.root_url + "guide/steps/").read().decode()
    assert html.count('class="tab-panel"') == 4
    # The article body, up to the feedback question (which the page script shows).
    body = html.split('<div class="tabs">')[1].split('<section class="feedback"')[0]
    assert 'role="tablist"' not in html and "hidden" not in body
    assert "画面右上の歯車アイコンを押します。" in html and "画面下のメニューを押します。" in html


def test_copy_button_copies_the_code_and_says_so(driver, markdown_site):
    _, nginx = markdown_site
    driver.get(nginx.root_url + "guide/steps/")
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": nginx.root_url.rstrip("/"),
                                                        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    buttons = driver.find_elements("css selector", ".copy-button")
    assert len(buttons) == 2
    assert buttons[0].text == "コピー" and buttons[0].get_attribute("type") == "button"
    buttons[0].send_keys(Keys.ENTER)  # reachable and usable by keyboard
    assert wait_for(lambda: driver.find_element("css selector", ".copy-status").get_attribute("textContent") == "コピーしました")
    copied = driver.execute_async_script("navigator.clipboard.readText().then(arguments[0], e => arguments[0]('error: ' + e))")
    assert copied == "curl https://example.com/k/v1/app.json\n"
    assert driver.find_element("css selector", ".copy-status").get_attribute("role") == "status"


def test_copy_button_works_from_disk(driver, markdown_site):
    output, _ = markdown_site
    driver.get("file://" + os.path.join(output, "guide", "steps", "index.html"))
    driver.find_elements("css selector", ".copy-button")[0].click()
    assert wait_for(lambda: driver.find_element("css selector", ".copy-status").get_attribute("textContent") == "コピーしました")


def test_a_wide_table_scrolls_in_its_box_on_a_phone(driver, markdown_site):
    _, nginx = markdown_site
    driver.set_window_size(390, 844)
    driver.get(nginx.root_url + "guide/plans/")
    sizes = driver.execute_script("""
        const box = document.querySelectorAll('.table-scroll')[1];
        return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
                inner: box.scrollWidth, outer: box.clientWidth};""")
    assert sizes["viewport"] <= 390
    assert sizes["page"] <= sizes["viewport"], sizes
    assert sizes["inner"] > sizes["outer"], sizes
    # Scrollable by keyboard: the box takes focus.
    assert driver.find_element("css selector", ".table-scroll").get_attribute("tabindex") == "0"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["guide/plans/", "guide/steps/", "guide/", "faq/"])
def test_pages_with_tables_tabs_and_boxes_have_no_serious_violations(driver, markdown_site, page, scheme):
    _, nginx = markdown_site
    set_color_scheme(driver, scheme)
    driver.get(nginx.root_url + page)
    assert serious_violations(driver) == []


def test_a_large_image_zooms_by_keyboard_and_gives_focus_back(driver, markdown_site):
    _, nginx = markdown_site
    driver.get(nginx.root_url + "guide/steps/")
    image = driver.find_element("css selector", ".article-body img")
    assert wait_for(lambda: image.get_attribute("data-zoom") is not None)
    assert image.get_attribute("role") == "button" and image.get_attribute("tabindex") == "0"
    assert image.get_attribute("aria-label") == "画像を拡大: 設定画面の全体"
    assert driver.execute_script("return arguments[0].naturalWidth > arguments[0].clientWidth", image)
    image.send_keys(Keys.ENTER)
    assert wait_for(lambda: driver.execute_script("return document.querySelector('dialog.zoom').open"))
    assert driver.execute_script("return document.activeElement.className") == "zoom-close"
    assert driver.execute_script("return document.querySelector('dialog.zoom img').alt") == "設定画面の全体"
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert wait_for(lambda: not driver.execute_script("return document.querySelector('dialog.zoom').open"))
    assert driver.execute_script("return document.activeElement === arguments[0]", image)

