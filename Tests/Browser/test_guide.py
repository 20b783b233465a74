"""Tours, hints and glossary terms in the help centre, and the one-tag widget in a product:
the demo app and the help centre on two loopback servers (two origins, really cross-origin)."""
import functools
import gzip
import re
import http.server
import os
import threading
import shutil
import time
import urllib.request

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import FIXTURES, REPOSITORY, StaticServer, build_site, wait_for



def guide(driver):
    """The shadow root everything the guide draws lives in."""
    hosts = driver.find_elements(By.CSS_SELECTOR, "[data-tebiki-guide]")
    return hosts[0].shadow_root if hosts else None


def in_guide(driver, selector):
    root = guide(driver)
    return root.find_elements(By.CSS_SELECTOR, selector) if root else []


def step_popover(driver):
    found = in_guide(driver, ".pop[data-step]")
    return found[0] if found else None


def progress(driver):
    popover = step_popover(driver)
    return popover.find_element(By.CSS_SELECTOR, ".progress").text if popover else None


def rect(driver, element):
    return driver.execute_script("var r = arguments[0].getBoundingClientRect();"
                                 "return {top: r.top, left: r.left, bottom: r.bottom, right: r.right};", element)


def press(driver, *keys):
    actions = ActionChains(driver)
    for key in keys:
        actions.send_keys(key)
    actions.perform()


def focused_in_guide(driver):
    return driver.execute_script("var h = document.querySelector('[data-tebiki-guide]');"
                                 "var a = h && h.shadowRoot.activeElement; return a ? a.className + '|' + (a.getAttribute('role') || '') : null;")


def severe_logs(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def fresh(driver, url):
    """Opens `url` with nothing remembered from earlier visits to its origin."""
    driver.get(url)
    driver.execute_script("localStorage.clear(); sessionStorage.clear();")
    driver.get(url)


# --- The tour on an article page -----------------------------------------------------------

def test_article_tour_runs_with_buttons_arrows_and_escape_and_is_remembered(driver, server):
    fresh(driver, server.root_url + "login/login/")
    button = driver.find_element(By.CSS_SELECTOR, "[data-tour-start]")
    assert button.is_displayed()
    assert button.get_attribute("data-tour-seen") == "false"
    assert "新着" in button.text
    button.click()
    assert wait_for(lambda: progress(driver) == "1 / 4")
    popover = step_popover(driver)
    assert popover.get_attribute("role") == "dialog"
    assert popover.find_element(By.CSS_SELECTOR, "h2").text == "ログイン画面を開く"
    assert focused_in_guide(driver) == "pop|dialog", "focus moves into the popover"
    assert in_guide(driver, "[aria-live]")[0].get_attribute("textContent") == "ステップ 1 / 4: ログイン画面を開く"
    # The spotlight surrounds the first numbered step.
    def surrounds():
        target = rect(driver, driver.find_element(By.CSS_SELECTOR, '[data-step="1"]'))
        spot = rect(driver, in_guide(driver, ".spot")[0])
        return spot["top"] <= target["top"] and spot["bottom"] >= target["bottom"] and spot["left"] <= target["left"]
    assert wait_for(surrounds), "the spotlight follows the step as it scrolls into view"

    press(driver, Keys.ARROW_RIGHT)
    assert wait_for(lambda: progress(driver) == "2 / 4")
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    assert wait_for(lambda: progress(driver) == "3 / 4")
    back = [b for b in step_popover(driver).find_elements(By.CSS_SELECTOR, "button") if b.text == "戻る"][0]
    back.click()
    assert wait_for(lambda: progress(driver) == "2 / 4")
    press(driver, Keys.ARROW_LEFT)
    assert wait_for(lambda: progress(driver) == "1 / 4")
    press(driver, Keys.ESCAPE)
    assert wait_for(lambda: step_popover(driver) is None)
    assert driver.execute_script("return document.activeElement.hasAttribute('data-tour-start')"), "focus returns to the button"

    driver.refresh()
    button = driver.find_element(By.CSS_SELECTOR, "[data-tour-start]")
    assert button.get_attribute("data-tour-seen") == "true", "closing the tour is remembered"
    assert "新着" not in button.text
    assert severe_logs(driver) == []


def test_article_tour_by_keyboard_alone_to_done(driver, server):
    fresh(driver, server.root_url + "login/login/")
    for _ in range(40):
        if driver.execute_script("return document.activeElement.hasAttribute('data-tour-start')"):
            break
        press(driver, Keys.TAB)
    assert driver.execute_script("return document.activeElement.hasAttribute('data-tour-start')"), "the button is reachable by Tab"
    press(driver, Keys.ENTER)
    assert wait_for(lambda: progress(driver) == "1 / 4")
    press(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    assert wait_for(lambda: progress(driver) == "4 / 4")
    assert step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").text == "完了"
    # Tab stays inside the popover: close, back, done, then close again.
    press(driver, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB)
    assert focused_in_guide(driver).startswith("close|")
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert focused_in_guide(driver).startswith("primary|")
    press(driver, Keys.ENTER)
    assert wait_for(lambda: step_popover(driver) is None)
    assert driver.execute_script("return localStorage.getItem('tebiki:tour:login/login')") == "done"


def test_article_tour_fits_a_phone_and_scrolls_its_target_into_view(driver, server):
    driver.set_window_size(390, 844)
    fresh(driver, server.root_url + "login/login/")
    driver.find_element(By.CSS_SELECTOR, "[data-tour-start]").click()
    assert wait_for(lambda: progress(driver) == "1 / 4")
    press(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    assert wait_for(lambda: progress(driver) == "4 / 4")
    time.sleep(0.5)  # smooth scrolling
    width, height = driver.execute_script("return [innerWidth, innerHeight]")
    box = rect(driver, step_popover(driver))
    assert box["left"] >= 0 and box["right"] <= width and box["bottom"] <= height
    target = rect(driver, driver.find_element(By.CSS_SELECTOR, '[data-step="4"]'))
    assert 0 <= target["top"] and target["bottom"] <= height, "the step is scrolled into view"


def test_without_javascript_the_tour_is_not_offered(sample_sites):
    root, _ = sample_sites
    with open(os.path.join(root, "login/login/index.html"), encoding="utf-8") as page:
        html = page.read()
    assert '<p class="tour-offer" hidden>' in html


def test_article_hint_beside_its_image(driver, server):
    fresh(driver, server.root_url + "login/login/")
    beacon = wait_for(lambda: [b for b in in_guide(driver, ".beacon") if b.is_displayed()])[0]
    image = driver.find_element(By.CSS_SELECTOR, 'img[src$="login-screen.svg"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", image)
    time.sleep(0.2)
    spot, picture = rect(driver, beacon), rect(driver, image)
    assert abs(spot["top"] - picture["top"]) < 30 and abs(spot["right"] - picture["right"]) < 40
    beacon.click()
    hint = wait_for(lambda: in_guide(driver, ".pop.hint"))[0]
    assert "ログインできないときは" in hint.text
    link = hint.find_element(By.CSS_SELECTOR, "a")
    assert link.get_attribute("href") == server.root_url + "troubleshooting/cannot-login/"
    press(driver, Keys.ESCAPE)
    assert wait_for(lambda: not in_guide(driver, ".pop.hint"))
    assert focused_in_guide(driver).startswith("beacon|")


def test_glossary_term_opens_its_definition_by_keyboard(driver, server):
    driver.get(server.root_url + "login-url/find-login-url/")
    term = driver.find_elements(By.CSS_SELECTOR, ".term-button")[0]
    assert term.text == "サブドメイン"
    definition = driver.find_element(By.ID, term.get_attribute("aria-controls"))
    assert not definition.is_displayed()
    driver.execute_script("arguments[0].focus()", term)
    press(driver, Keys.ENTER)
    assert definition.is_displayed() and term.get_attribute("aria-expanded") == "true"
    link = definition.find_element(By.CSS_SELECTOR, "a")
    assert link.get_attribute("href") == server.root_url + "troubleshooting/forgot-subdomain/"
    press(driver, Keys.ESCAPE)
    assert not definition.is_displayed() and term.get_attribute("aria-expanded") == "false"
    assert driver.switch_to.active_element == term


# --- The widget in the demo app, from another origin ----------------------------------------

@pytest.fixture(scope="module")
def demo(server, work_folder):
    folder = os.path.join(work_folder, "demo-app")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(REPOSITORY, "Examples", "demo-app"), folder)
    for name in os.listdir(folder):
        if name.endswith(".html"):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as page:
                html = page.read()
            assert "http://127.0.0.1:4000/widget/tebiki.js" in html
            with open(path, "w", encoding="utf-8") as page:
                page.write(html.replace("http://127.0.0.1:4000/", server.root_url))
    app = StaticServer(folder)
    assert app.url.split(":")[2] != server.root_url.split(":")[2], "two origins"
    yield app
    app.stop()


def page_title(url):
    with urllib.request.urlopen(url) as response:
        html = response.read().decode()
    return html.split("<h1>")[1].split("</h1>")[0]


def test_widget_starts_the_login_tour_once_and_shows_hints_with_links_to_the_help_centre(driver, server, demo):
    fresh(driver, demo.url + "login.html")
    assert wait_for(lambda: progress(driver) == "1 / 4"), "the tour starts by itself the first time"
    assert step_popover(driver).find_element(By.CSS_SELECTOR, "h2").text == "ログイン画面を開く"
    press(driver, Keys.ARROW_RIGHT)
    assert wait_for(lambda: progress(driver) == "2 / 4")
    box, field = rect(driver, step_popover(driver)), rect(driver, driver.find_element(By.ID, "username"))
    assert 0 <= box["top"] - field["bottom"] < 40 or 0 <= field["top"] - box["bottom"] < 40, "the step sits beside its field"
    press(driver, Keys.ESCAPE)
    assert wait_for(lambda: step_popover(driver) is None)
    driver.refresh()
    time.sleep(1.0)
    assert step_popover(driver) is None, "not started again"

    beacon = wait_for(lambda: [b for b in in_guide(driver, ".beacon") if b.is_displayed()])[0]
    spot, target = rect(driver, beacon), rect(driver, driver.find_element(By.ID, "login-help"))
    assert abs(spot["top"] - target["top"]) < 30 and abs(spot["right"] - target["right"]) < 40
    beacon.click()
    hint = wait_for(lambda: in_guide(driver, ".pop.hint"))[0]
    links = {a.text: a.get_attribute("href") for a in hint.find_elements(By.CSS_SELECTOR, "a")}
    assert links["ヘルプ記事を読む"] == server.root_url + "login/login/"
    assert links["確認ポイント"] == server.root_url + "troubleshooting/cannot-login/"
    assert page_title(links["ヘルプ記事を読む"]) == "kintone にログインする"
    assert page_title(links["確認ポイント"]) == "ログインできないときの確認ポイント"
    assert driver.execute_script("return Object.keys(window).filter(function (k) { return /tebiki/i.test(k); })") == []
    assert severe_logs(driver) == []


def test_widget_help_button_lists_the_screens_articles_offers_its_tour_and_searches(driver, server, demo):
    fresh(driver, demo.url + "login.html")
    wait_for(lambda: progress(driver))
    press(driver, Keys.ESCAPE)
    help_button = wait_for(lambda: in_guide(driver, "button.help"))[0]
    assert help_button.text == "ヘルプ"
    driver.execute_script("window.helpSeen = []; tebiki.on('help', d => window.helpSeen.push(d));")
    help_button.click()
    panel = wait_for(lambda: in_guide(driver, ".panel"))[0]
    links = {a.text: a.get_attribute("href") for a in panel.find_elements(By.CSS_SELECTOR, "li a")}
    assert links == {"kintone にログインする": server.root_url + "login/login/"}
    assert driver.execute_script("return window.helpSeen") == [{"action": "open", "articles": 1, "tours": 1}]
    panel.find_element(By.CSS_SELECTOR, "button.primary").click()
    assert wait_for(lambda: progress(driver) == "1 / 4"), "the tour starts from the help button"
    press(driver, Keys.ESCAPE)

    help_button.click()
    panel = wait_for(lambda: in_guide(driver, ".panel"))[0]
    field = panel.find_element(By.CSS_SELECTOR, "input")
    windows = driver.window_handles
    field.send_keys("パスワード" + Keys.ENTER)
    assert wait_for(lambda: len(driver.window_handles) == len(windows) + 1)
    driver.switch_to.window([w for w in driver.window_handles if w not in windows][0])
    assert wait_for(lambda: driver.current_url.startswith(server.root_url + "search/?q="))
    driver.close()
    driver.switch_to.window(windows[0])


def test_widget_tour_waits_for_a_target_that_appears_later(driver, server, demo):
    fresh(driver, demo.url + "portal.html")
    beacon = wait_for(lambda: [b for b in in_guide(driver, ".beacon") if b.is_displayed()])
    assert len(beacon) == 1, "the hint on the account menu button"
    wait_for(lambda: in_guide(driver, "button.help"))[0].click()
    panel = wait_for(lambda: in_guide(driver, ".panel"))[0]
    assert [a.text for a in panel.find_elements(By.CSS_SELECTOR, "li a")] == ["kintone からログアウトする"]
    panel.find_element(By.CSS_SELECTOR, "button.primary").click()
    assert wait_for(lambda: progress(driver) == "1 / 3")
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    time.sleep(0.5)
    assert progress(driver) == "1 / 3", "waiting for the menu's ログアウト item"
    driver.execute_script("document.getElementById('account-menu-button').click()")
    assert wait_for(lambda: progress(driver) == "2 / 3")
    logout, box = driver.find_element(By.ID, "logout"), rect(driver, step_popover(driver))
    assert abs(box["top"] - rect(driver, logout)["bottom"]) < 40 or abs(rect(driver, logout)["top"] - box["bottom"]) < 40
    # Step 3 is on the login screen: the tour says so, and goes on there after the logout.
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    note = wait_for(lambda: in_guide(driver, ".pop.next-screen"))[0]
    assert note.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == demo.url + "login.html"
    driver.execute_script("document.getElementById('logout').click()")
    assert wait_for(lambda: progress(driver) == "3 / 3")
    assert step_popover(driver).find_element(By.CSS_SELECTOR, "h2").text == "ログイン画面に戻る"
    assert severe_logs(driver) == []


@pytest.fixture(scope="module")
def guide_fixture(work_folder):
    site = os.path.join(work_folder, "guide-site")
    build_site(os.path.join(FIXTURES, "guide"), site)
    help_centre = StaticServer(site)
    product_folder = os.path.join(work_folder, "guide-product")
    shutil.rmtree(product_folder, ignore_errors=True)
    shutil.copytree(os.path.join(FIXTURES, "guide-product"), product_folder)
    page = os.path.join(product_folder, "index.html")
    with open(page, encoding="utf-8") as file:
        html = file.read()
    with open(page, "w", encoding="utf-8") as file:
        file.write(html.replace('src="WIDGET"', f'src="{help_centre.url}widget/tebiki.js"'))
    product = StaticServer(product_folder)
    yield help_centre, product
    help_centre.stop()
    product.stop()


def test_widget_skips_a_missing_target_finds_a_late_one_and_leaves_the_page_alone(driver, guide_fixture):
    help_centre, product = guide_fixture
    fresh(driver, product.url + "index.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    driver.execute_script("window.seen = []; document.addEventListener('tebiki:tour', e => window.seen.push(e.detail));")
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    # Step 2's target never appears: after the wait the tour goes on to step 3, whose panel
    # was added to the page while it waited.
    assert wait_for(lambda: progress(driver) == "3 / 3", timeout=8)
    assert step_popover(driver).find_element(By.CSS_SELECTOR, "h2").text == "The late panel"
    skipped = [d for d in driver.execute_script("return window.seen") if d["action"] == "skip"]
    assert len(skipped) == 1 and skipped[0]["step"] == 2 and skipped[0]["selector"]
    press(driver, Keys.ESCAPE)

    beacons = wait_for(lambda: [b for b in in_guide(driver, ".beacon") if b.is_displayed()])
    assert len(beacons) == 1, "only the hint whose target is on this page"
    beacons[0].click()
    hint = wait_for(lambda: in_guide(driver, ".pop.hint"))[0]
    assert "A hint for a" in hint.text
    assert "target that \"appears\" later." in hint.text and "<script>" not in hint.text
    assert hint.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == help_centre.url + "app/settings/"
    try:
        driver.switch_to.alert
        raise AssertionError("a script from the hint ran")
    except NoAlertPresentException:
        pass
    # The page's own styles are untouched and do not reach the guide's buttons.
    assert driver.execute_script("return getComputedStyle(document.body).fontFamily") == "serif"
    assert driver.find_element(By.ID, "own").value_of_css_property("color") == "rgba(4, 5, 6, 1)"
    assert in_guide(driver, "button.help")[0].value_of_css_property("color") != "rgba(4, 5, 6, 1)"
    assert severe_logs(driver) == []


def test_widget_fits_its_budget(sample_sites):
    root, _ = sample_sites
    with open(os.path.join(root, "widget", "tebiki.js"), "rb") as file:
        compressed = len(gzip.compress(file.read(), 9))
    assert compressed <= 15 * 1024, f"widget/tebiki.js is {compressed} bytes gzip-compressed"


def glob_matcher_source():
    """The widget's URL pattern matcher, cut out of guide.js as it ships."""
    with open(os.path.join(REPOSITORY, "Themes/default/assets/guide.js"), encoding="utf-8") as file:
        text = file.read()
    start = text.index("  function globMatches(")
    end = text.index("\n  }\n", start) + len("\n  }\n")
    return text[start:end]


def glob_cases():
    """Tests/Fixtures/url-pattern-cases.json, which ProductCheckTests runs against the Swift matcher."""
    import json
    with open(os.path.join(FIXTURES, "url-pattern-cases.json"), encoding="utf-8") as file:
        return [(case["pattern"], case["subject"], case["matches"]) for case in json.load(file)["cases"]]


GLOB_CASES = glob_cases()


def test_url_patterns_match_in_linear_time_and_as_before(driver, server):
    driver.get(server.root_url)
    driver.set_script_timeout(10)
    source = glob_matcher_source()
    results = driver.execute_script(
        source + "\nreturn arguments[0].map(function (c) { return globMatches(c[0], c[1]); });",
        [[pattern, subject] for pattern, subject, _ in GLOB_CASES])
    assert results == [expected for _, _, expected in GLOB_CASES]
    # A long path and a hundred stars still answer at once (no timeout above, no freeze here).
    assert driver.execute_script(source + "\nreturn globMatches(arguments[0], arguments[1]);",
                                 "/" + "*a" * 100 + "*b", "/" + "a" * 5000) is False


@pytest.fixture(scope="module")
def spa(work_folder):
    """Tests/Fixtures/guide-spa: a help centre with a tour across two screens of a single-page
    app, and the app on another origin, once for an admin and once for a viewer."""
    fixture = os.path.join(FIXTURES, "guide-spa")
    site = os.path.join(work_folder, "spa-site")
    build_site(os.path.join(fixture, "site"), site)
    help_centre = StaticServer(site)
    product_folder = os.path.join(work_folder, "spa-product")
    shutil.rmtree(product_folder, ignore_errors=True)
    os.makedirs(product_folder)
    with open(os.path.join(fixture, "product", "index.html"), encoding="utf-8") as file:
        html = file.read().replace('src="WIDGET"', f'src="{help_centre.url}widget/tebiki.js"')
    shutil.copy(os.path.join(fixture, "product", "app.js"), product_folder)
    with open(os.path.join(product_folder, "bare.html"), "w", encoding="utf-8") as file:
        file.write(re.sub(r'<script src="[^"]*widget/tebiki.js"[^>]*></script>', "", html))
    for name, role in (("admin.html", "admin"), ("viewer.html", "viewer")):
        with open(os.path.join(product_folder, name), "w", encoding="utf-8") as file:
            file.write(html.replace("ROLE", role))
    # A product with a `tebiki` of its own and its own pushState wrapper, set before the widget.
    own = ("<script>window.tebiki = 'theirs'; var push = history.pushState;"
           "history.pushState = function () { window.wrapped = (window.wrapped || 0) + 1; return push.apply(history, arguments); };</script>\n")
    with open(os.path.join(product_folder, "own.html"), "w", encoding="utf-8") as file:
        file.write(html.replace("ROLE", "admin").replace('<main id="app">', own + '<main id="app">'))
    product = StaticServer(product_folder)
    product.help_centre = help_centre.url
    product.folder = product_folder
    yield product
    help_centre.stop()
    product.stop()


RECORD = ("window.seen = [];"
          "['tour', 'hint', 'help'].forEach(n => document.addEventListener('tebiki:' + n, e => window.seen.push([n, e.detail])));"
          "window.called = []; tebiki.on('tour', d => window.called.push(d.action));")


def visible_beacons(driver):
    return [b for b in in_guide(driver, ".beacon") if b.is_displayed()]


def test_a_tour_goes_on_on_the_next_screen_of_a_single_page_app_and_raises_its_events(driver, spa):
    fresh(driver, spa.url + "admin.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    driver.execute_script(RECORD)
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    assert wait_for(lambda: progress(driver) == "2 / 3")
    # Step 3 is on the next screen: the tour waits for the reader to get there, and says where.
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    assert wait_for(lambda: step_popover(driver) is None)
    note = wait_for(lambda: in_guide(driver, ".pop.next-screen"))[0]
    assert "Name it" in note.text
    assert note.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == spa.url + "spa/new"
    driver.find_element(By.ID, "new").click()
    assert wait_for(lambda: in_guide(driver, ".pop.next-screen") == [])
    assert driver.execute_script("return location.pathname") == "/spa/new"
    assert wait_for(lambda: progress(driver) == "3 / 3")
    assert step_popover(driver).find_element(By.CSS_SELECTOR, "h2").text == "Name it"
    # The hint of the new screen shows; the old screen's are gone.
    assert wait_for(lambda: len(visible_beacons(driver)) == 1)
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    events = driver.execute_script("return window.seen")
    tours = [detail for name, detail in events if name == "tour"]
    assert [(d["action"], d.get("step")) for d in tours] == [("step", 2), ("step", 3), ("complete", None)]
    assert all(d["tour"] == "app/projects" for d in tours)
    assert driver.execute_script("return window.called") == ["step", "step", "complete"]
    # Back on the list, the finished tour does not start again.
    driver.back()
    assert wait_for(lambda: driver.execute_script("return location.pathname") == "/spa/projects")
    time.sleep(0.3)
    assert step_popover(driver) is None
    assert severe_logs(driver) == []


def test_hints_follow_the_audience_and_identify(driver, spa):
    fresh(driver, spa.url + "viewer.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    press(driver, Keys.ESCAPE)
    # The delete hint is for admins only.
    time.sleep(0.3)
    assert visible_beacons(driver) == []
    driver.execute_script("tebiki.identify({role: 'admin'})")
    beacons = wait_for(lambda: visible_beacons(driver))
    assert len(beacons) == 1
    driver.execute_script(RECORD)
    beacons[0].click()
    assert wait_for(lambda: in_guide(driver, ".pop.hint"))
    opened = [detail for name, detail in driver.execute_script("return window.seen") if name == "hint"]
    assert opened == [{"action": "open", "article": "app/projects", "selector": "#delete"}]
    # A hint whose target is in a shadow root, for the beta segment.
    driver.execute_script("tebiki.identify({segment: 'beta'})")
    assert wait_for(lambda: len(visible_beacons(driver)) == 2)
    # Told by the script tag's data-user-role, an admin sees it from the start.
    fresh(driver, spa.url + "admin.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    press(driver, Keys.ESCAPE)
    assert len(wait_for(lambda: visible_beacons(driver))) == 1
    assert severe_logs(driver) == []


def test_a_product_with_its_own_tebiki_and_pushstate_keeps_both(driver, spa):
    fresh(driver, spa.url + "own.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    assert wait_for(lambda: progress(driver) == "2 / 3")
    step_popover(driver).find_element(By.CSS_SELECTOR, "button.primary").click()
    assert wait_for(lambda: step_popover(driver) is None)
    driver.find_element(By.ID, "new").click()
    assert wait_for(lambda: progress(driver) == "3 / 3")
    assert driver.execute_script("return [window.tebiki, window.wrapped]") == ["theirs", 1]
    assert severe_logs(driver) == []


def test_announcements_banner_and_modal_by_keyboard_once_and_with_events(driver, spa):
    fresh(driver, spa.url + "viewer.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    press(driver, Keys.ESCAPE)
    # The banner for viewers shows; the notice whose dates have passed does not.
    banners = wait_for(lambda: in_guide(driver, ".banner"))
    assert len(banners) == 1 and "Maintenance on Sunday" in banners[0].text
    assert banners[0].get_attribute("role") == "region"
    driver.execute_script(RECORD.replace("['tour', 'hint', 'help']", "['announcement']"))
    driver.find_element(By.ID, "new").click()
    dialog = wait_for(lambda: in_guide(driver, ".notice[role=dialog]"))[0]
    assert dialog.get_attribute("aria-modal") == "true"
    assert in_guide(driver, ".banner") == [], "the banner's screen is left"
    assert "project templates" in dialog.find_element(By.CSS_SELECTOR, "h2").text
    assert "template" in dialog.find_element(By.CSS_SELECTOR, "strong").text
    link = dialog.find_element(By.CSS_SELECTOR, ".row a")
    assert link.get_attribute("href").endswith("/app/projects/#name")
    # Focus is in the dialog and stays there.
    assert focused_in_guide(driver) == "|"
    for _ in range(4):
        press(driver, Keys.TAB)
        assert driver.execute_script("var a = document.querySelector('[data-tebiki-guide]').shadowRoot.activeElement;"
                                     "return !!(a && a.closest('.notice'))")
    # axe finds nothing serious in the open dialog.
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    serious = [v["id"] for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    press(driver, Keys.ESCAPE)
    assert wait_for(lambda: in_guide(driver, ".notice") == [])
    events = [detail for name, detail in driver.execute_script("return window.seen") if name == "announcement"]
    assert [(d["action"], d["id"]) for d in events] == [("shown", "app/projects#1"), ("dismissed", "app/projects#1")]
    # Once: back on the list and forward again, it does not come back; the banner (once: false,
    # not closed) does.
    driver.back()
    assert wait_for(lambda: in_guide(driver, ".banner"))
    driver.forward()
    assert wait_for(lambda: driver.execute_script("return location.pathname") == "/spa/new")
    time.sleep(0.3)
    assert in_guide(driver, ".notice") == []
    assert severe_logs(driver) == []


def test_check_mode_lists_each_target_of_the_screen_and_whether_it_is_found(driver, spa):
    fresh(driver, spa.url + "admin.html?tebiki-check")
    panel = wait_for(lambda: in_guide(driver, ".panel.check"))[0]
    states = {item.text.split(" — ")[0] + " " + item.get_attribute("data-state") for item in panel.find_elements(By.CSS_SELECTOR, "li")}
    rows = [item.text.split(" — ")[0] + " " + item.get_attribute("data-state") for item in panel.find_elements(By.CSS_SELECTOR, "li")]
    assert rows == ["step 1 of app/projects found", "step 2 of app/projects found", "hint of app/projects found",
                    "hint of app/projects missing", "hint of app/projects found",
                    "announcement app/projects#2 shown", "announcement app/projects#3 shown"]
    # The third hint's target is inside the toolbar's shadow root (project-toolbar >>> button.export).
    assert "project-toolbar >>> button.export: found" in panel.text
    assert states
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    assert [v["id"] for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")] == []
    # From the console, on the next screen (the tour's spotlight is over the page: click by script).
    driver.execute_script("document.getElementById('new').click()")
    assert wait_for(lambda: driver.execute_script("return location.pathname") == "/spa/new")
    rows = driver.execute_script("return tebiki.check()")
    assert [(row["kind"], row["state"]) for row in rows] == [("step 3 of app/projects", "found"), ("hint of app/projects", "found"),
                                                              ("announcement app/projects#1", "shown"), ("announcement app/projects#3", "shown")]


def test_chromium_accepts_the_selectors_the_build_accepts(driver):
    """The same table as CSSSelectorTests: the build refuses a selector exactly when a browser would."""
    import json
    with open(os.path.join(FIXTURES, "css-selector-cases.json"), encoding="utf-8") as file:
        cases = [case for case in json.load(file)["cases"] if not case.get("tebikiOnly")]
    driver.get("about:blank")
    accepted = driver.execute_script(
        "return arguments[0].map(s => { try { document.querySelector(s); return true; } catch (e) { return false; } });",
        [case["selector"] for case in cases])
    assert {case["selector"]: ok for case, ok in zip(cases, accepted)} == {case["selector"]: case["valid"] for case in cases}


class _StrictPolicyHandler(http.server.SimpleHTTPRequestHandler):
    policy = ""

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, *args):
        pass


def test_the_demo_works_under_a_strict_content_security_policy(driver, server, demo, work_folder):
    """The demo app served with the CSP lines the README gives: its tour and banner are styled."""
    help_origin = server.root_url.rstrip("/")
    handler = functools.partial(type("StrictDemo", (_StrictPolicyHandler,), {
        "policy": f"default-src 'self'; script-src 'self' {help_origin}; style-src 'self'; img-src 'self' data: {help_origin}; connect-src 'self'"}),
        directory=os.path.join(work_folder, "demo-app"))
    strict = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=strict.serve_forever, daemon=True).start()
    try:
        fresh(driver, f"http://127.0.0.1:{strict.server_address[1]}/login.html")
        assert wait_for(lambda: progress(driver) == "1 / 4")
        assert step_popover(driver).value_of_css_property("position") == "fixed"
        press(driver, Keys.ESCAPE)
        driver.find_element(By.ID, "login-button").click()
        banner = wait_for(lambda: in_guide(driver, ".banner"))[0]
        assert banner.value_of_css_property("position") == "fixed"
        assert severe_logs(driver) == []
    finally:
        strict.shutdown()
        strict.server_close()


def test_the_widget_works_under_a_strict_content_security_policy(driver, spa):
    """The CSP lines the README gives a product team: scripts and styles from the product and
    the help centre only, no inline styles."""
    help_origin = spa.help_centre.rstrip("/")
    handler = functools.partial(type("Strict", (_StrictPolicyHandler,), {
        "policy": f"default-src 'self'; script-src 'self' {help_origin}; style-src 'self'; img-src 'self' data: {help_origin}"}),
        directory=spa.folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/admin.html"
        fresh(driver, url)
        assert wait_for(lambda: progress(driver) == "1 / 3")
        # The guide's own styles apply: its popover is fixed, its help button round.
        assert step_popover(driver).value_of_css_property("position") == "fixed"
        assert in_guide(driver, "button.help")[0].value_of_css_property("position") == "fixed"
        assert [entry for entry in severe_logs(driver) if "Content Security Policy" in entry["message"]] == []
        assert severe_logs(driver) == []
    finally:
        server.shutdown()
        server.server_close()


def test_chromium_matches_saved_pages_as_the_product_check_does(driver, work_folder):
    """The same page and counts as ProductCheckTests: tebiki check --product finds what a browser finds."""
    import json
    with open(os.path.join(FIXTURES, "selector-matching.json"), encoding="utf-8") as file:
        table = json.load(file)
    page = os.path.join(work_folder, "selector-matching.html")
    with open(page, "w", encoding="utf-8") as file:
        file.write(table["html"])
    driver.get("file://" + page)
    cases = [case for case in table["cases"] if not case.get("tebikiOnly")]
    counts = driver.execute_script("return arguments[0].map(s => document.querySelectorAll(s).length)", [c["selector"] for c in cases])
    assert {c["selector"]: n for c, n in zip(cases, counts)} == {c["selector"]: c["count"] for c in cases}


def picker(driver):
    hosts = driver.find_elements(By.CSS_SELECTOR, "[data-tebiki-picker]")
    return hosts[0] if hosts else None


def test_the_picker_names_each_kind_of_element_exactly_and_its_yaml_builds(driver, spa, work_folder):
    fresh(driver, spa.url + "admin.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    press(driver, Keys.ESCAPE)
    assert not driver.find_elements(By.CSS_SELECTOR, "script[data-tebiki-pick]"), "nothing is loaded until asked for"
    driver.execute_script("tebiki.pick()")
    host = wait_for(lambda: picker(driver))
    # axe on the open picker.
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    assert [v["id"] for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")] == []

    def chosen():
        return wait_for(lambda: host.get_attribute("data-selector"))

    def again():
        host.shadow_root.find_element(By.CSS_SELECTOR, "button:not(.primary)").click()
        driver.execute_script("arguments[0].removeAttribute('data-selector')", host)

    snippets = []
    expected = {"#new": "#new", "[data-testid=\"share\"]": "share", "button[aria-label=\"Settings\"]": "settings",
                "#say\\\"hi": "quotes"}
    for selector, _ in expected.items():
        ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, selector)).click().perform()
        assert chosen() == selector
        snippets.append(host.shadow_root.find_element(By.CSS_SELECTOR, "textarea").get_attribute("value"))
        again()
    # A list item with no attributes of its own: a short path that names only it.
    beta = driver.find_element(By.XPATH, "//li[text()='Beta']")
    ActionChains(driver).move_to_element(beta).click().perform()
    path = chosen()
    assert driver.execute_script("var all = document.querySelectorAll(arguments[0]); return all.length === 1 && all[0].textContent", path) == "Beta"
    snippets.append(host.shadow_root.find_element(By.CSS_SELECTOR, "textarea").get_attribute("value"))
    again()
    # A button inside a web component's shadow root, by keyboard: focus it and press Enter.
    driver.execute_script("document.querySelector('project-toolbar').shadowRoot.querySelector('button').focus()")
    press(driver, Keys.ENTER)
    assert chosen() == "project-toolbar >>> button"
    snippets.append(host.shadow_root.find_element(By.CSS_SELECTOR, "textarea").get_attribute("value"))
    assert snippets[0] == 'product: {url: "/spa/projects", selector: "#new"}'
    # Esc ends picking.
    press(driver, Keys.ESCAPE)
    assert wait_for(lambda: picker(driver) is None)
    assert severe_logs(driver) == []

    # Each snippet, pasted into a hint, builds.
    source = os.path.join(work_folder, "picked-site")
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(os.path.join(FIXTURES, "guide-spa", "site"), source)
    article = os.path.join(source, "Articles", "app", "projects.md")
    with open(article, encoding="utf-8") as file:
        text = file.read()
    hints = "".join(f"  - text: Picked {n}.\n    heading: list\n    {snippet}\n" for n, snippet in enumerate(snippets))
    with open(article, "w", encoding="utf-8") as file:
        file.write(text.replace("hints:\n", "hints:\n" + hints, 1))
    build_site(source, os.path.join(work_folder, "picked-out"))


def test_tebiki_pick_in_the_address_opens_the_picker(driver, spa):
    fresh(driver, spa.url + "viewer.html?tebiki-pick")
    assert wait_for(lambda: picker(driver))


def test_the_demo_app_is_a_single_page_app_the_widget_follows(driver, server, demo):
    fresh(driver, demo.url + "login.html")
    assert wait_for(lambda: progress(driver) is not None)
    press(driver, Keys.ESCAPE)
    driver.execute_script("window.sameDocument = true")
    login_beacons = wait_for(lambda: visible_beacons(driver))
    driver.find_element(By.ID, "login-button").click()
    assert wait_for(lambda: driver.execute_script("return location.pathname").endswith("/portal.html"))
    assert driver.execute_script("return window.sameDocument") is True, "no page load: a route change"
    assert wait_for(lambda: driver.find_elements(By.ID, "account-menu-button"))
    # The portal's hint (beside the account menu) replaces the login screen's.
    beacons = wait_for(lambda: [b for b in visible_beacons(driver) if b not in login_beacons])
    assert beacons
    menu = driver.find_element(By.ID, "account-menu-button")
    assert abs(rect(driver, beacons[0])["top"] - rect(driver, menu)["top"]) < 40
    press(driver, Keys.ESCAPE)
    driver.execute_script("document.getElementById('account-menu-button').click()")
    driver.execute_script("document.querySelector('.account-menu a[href=\"settings.html\"]').click()")
    assert wait_for(lambda: driver.execute_script("return location.pathname").endswith("/settings.html"))
    driver.back()
    assert wait_for(lambda: driver.find_elements(By.ID, "account-menu-button"))
    assert driver.execute_script("return window.sameDocument") is True
    assert severe_logs(driver) == []


def test_the_demo_portal_shows_its_banner_to_its_audience(driver, server, demo):
    fresh(driver, demo.url + "portal.html")
    banner = wait_for(lambda: in_guide(driver, ".banner"))[0]
    assert "共用のパソコンではログアウトを" in banner.text
    assert banner.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == server.root_url + "login/logout/"
    driver.execute_script("window.seen = []; tebiki.on('announcement', d => window.seen.push(d));")
    before = driver.window_handles
    driver.execute_script("arguments[0].click()", banner.find_element(By.CSS_SELECTOR, "a"))
    assert driver.execute_script("return window.seen") == [
        {"action": "action", "id": "login/logout#1", "url": server.root_url + "login/logout/"}]
    for handle in driver.window_handles:
        if handle not in before:
            driver.switch_to.window(handle)
            driver.close()
    driver.switch_to.window(before[0])
    # Closed by its action, it stays closed: once: false shows it until the reader closes it.
    assert in_guide(driver, ".banner") == []
    driver.refresh()
    assert wait_for(lambda: in_guide(driver, "button.help"))
    time.sleep(0.3)
    assert in_guide(driver, ".banner") == []
    # For readers the product says are users only (data-user-role="user" on the demo's tag).
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    assert wait_for(lambda: in_guide(driver, ".banner"))
    driver.execute_script("tebiki.identify({role: 'admin'})")
    assert wait_for(lambda: in_guide(driver, ".banner") == [])


def test_the_help_centres_own_article_tour_raises_the_same_events(driver, server):
    fresh(driver, server.root_url + "login/login/")
    driver.execute_script("window.seen = []; document.addEventListener('tebiki:tour', e => window.seen.push(e.detail));")
    wait_for(lambda: driver.find_element(By.CSS_SELECTOR, "[data-tour-start]").is_displayed())
    driver.find_element(By.CSS_SELECTOR, "[data-tour-start]").click()
    assert wait_for(lambda: progress(driver) == "1 / 4")
    press(driver, Keys.ESCAPE)
    seen = wait_for(lambda: driver.execute_script("return window.seen.length === 3 && window.seen"))
    assert [d["action"] for d in seen] == ["start", "step", "dismiss"]
    assert seen[0] == {"action": "start", "tour": "login/login", "steps": 4}
    assert seen[2] == {"action": "dismiss", "tour": "login/login", "step": 1, "steps": 4}


def test_the_widget_asks_only_its_help_centre_stores_one_prefix_and_survives_the_page(driver, spa):
    fresh(driver, spa.url + "admin.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    press(driver, Keys.ESCAPE)
    driver.execute_script("document.getElementById('new').click()")
    assert wait_for(lambda: driver.execute_script("return location.pathname") == "/spa/new")
    origins = set(driver.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"))
    assert origins <= {spa.url.rstrip("/"), spa.help_centre.rstrip("/")}
    keys = driver.execute_script("return Object.keys(localStorage)")
    assert keys and all(key.startswith("tebiki:") for key in keys)
    # The page removes the widget's element and changes screens again: nothing breaks.
    driver.execute_script("document.querySelector('[data-tebiki-guide]').remove(); history.back();")
    assert wait_for(lambda: driver.execute_script("return location.pathname") == "/spa/projects")
    driver.execute_script("history.pushState({}, '', '/spa/new'); tebiki.identify({role: 'viewer'}); tebiki.check();")
    time.sleep(0.3)
    assert severe_logs(driver) == []


def test_the_widget_adds_no_global_name_but_tebiki(driver, spa):
    names = "return Object.getOwnPropertyNames(window)"
    fresh(driver, spa.url + "bare.html")
    # The driver's own helpers leave names on a page it looks into: look the same way on both.
    progress(driver)
    bare = set(driver.execute_script(names))
    fresh(driver, spa.url + "admin.html")
    assert wait_for(lambda: progress(driver) == "1 / 3")
    assert set(driver.execute_script(names)) - bare == {"tebiki"}
