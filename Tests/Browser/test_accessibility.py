"""axe-core finds no serious or critical problem on the main kinds of page, in light and dark."""
import pytest
from axe_selenium_python import Axe

from harness import set_color_scheme

PAGES = ["", "login/", "login/login/", "troubleshooting/cannot-login/"]


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
