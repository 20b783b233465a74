"""axe-core finds no serious or critical problem on the main kinds of page, in light and dark."""
import time

import pytest
from selenium.webdriver.common.keys import Keys
from axe_selenium_python import Axe

from harness import set_color_scheme

PAGES = ["", "login/", "login/login/", "troubleshooting/cannot-login/", "troubleshooting/", "troubleshooting/password/", "en/",
         "en/login/login/",
         "troubleshooting/password/reset-password/"]


def serious_violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_accessibility_violations(driver, server, page, scheme):
    set_color_scheme(driver, scheme)
    driver.get(server.root_url + page)
    assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    assert serious_violations(driver) == []


def test_skip_link_moves_focus_to_the_main_content(driver, server):
    from selenium.webdriver.common.keys import Keys
    driver.get(server.root_url + "login/login/")
    driver.find_element("tag name", "body").send_keys(Keys.TAB)
    assert driver.execute_script("return document.activeElement.className") == "skip-link"
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert driver.execute_script("return document.activeElement.id") == "tebiki-main"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_tour_hint_and_glossary_term_have_no_serious_violations(driver, server, scheme):
    set_color_scheme(driver, scheme)
    driver.get(server.root_url + "login/login/")
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    driver.find_element("css selector", "[data-tour-start]").click()
    root = driver.find_element("css selector", "[data-tebiki-guide]").shadow_root
    assert root.find_elements("css selector", ".pop[data-step]")
    assert serious_violations(driver) == []
    driver.find_element("tag name", "body").send_keys(Keys.ESCAPE)
    driver.execute_script("document.querySelector('img[src$=\"login-screen.svg\"]').scrollIntoView({block: 'center'})")
    time.sleep(0.3)
    [beacon for beacon in root.find_elements("css selector", ".beacon") if beacon.is_displayed()][0].click()
    assert root.find_elements("css selector", ".pop.hint")
    assert serious_violations(driver) == []
    driver.get(server.root_url + "login-url/find-login-url/")
    driver.find_elements("css selector", ".term-button")[0].click()
    assert serious_violations(driver) == []
