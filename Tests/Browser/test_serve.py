"""`tebiki serve` in the browser: an edit reloads the open page, a broken edit shows the
problems over the page (file and line), and fixing it removes them and shows the new text."""
import os
import shutil

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness import FIXTURES, TebikiServe


@pytest.fixture
def served(work_folder):
    site = os.path.join(work_folder, "serve-basic")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(FIXTURES, "basic"), site)
    server = TebikiServe(site)
    yield site, server
    server.stop()


def rewrite(path, old, new):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    assert old in text
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new))


def wait_connected(driver):
    # Until the page's event stream is open an edit could be missed: wait for it, never sleep.
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return document.documentElement.getAttribute('data-tebiki-live') === 'connected'"))


def main_text(driver):
    """The text of the page's main element, or '' while the page is being replaced."""
    try:
        return driver.find_element(By.TAG_NAME, "main").text
    except (StaleElementReferenceException, NoSuchElementException):
        return ""


def test_an_edit_reloads_the_open_page(driver, served):
    site, server = served
    driver.get(server.url + "account/sign-in/")
    wait_connected(driver)
    driver.execute_script("window.tebikiMarker = 1")
    rewrite(os.path.join(site, "Articles/account/sign-in.md"), "Open the sign-in page.", "Open the renamed sign-in page.")
    WebDriverWait(driver, 10).until(lambda d: "Open the renamed sign-in page." in main_text(d))
    assert driver.execute_script("return window.tebikiMarker") is None, "the page was reloaded"


def test_a_broken_edit_shows_the_problems_and_fixing_it_removes_them(driver, served):
    site, server = served
    article = os.path.join(site, "Articles/account/sign-in.md")
    driver.get(server.url + "account/sign-in/")
    wait_connected(driver)
    rewrite(article, "title: Sign in\n", "titel: Sign in\n")
    overlay = WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "tebiki-problems"))[0]
    problems = [item.text for item in overlay.find_elements(By.CLASS_NAME, "tebiki-problem")]
    assert "Articles/account/sign-in.md:1:1: error: front matter has no 'title'" in problems
    assert overlay.get_attribute("role") == "alertdialog"
    # The last good page is still there under the overlay.
    assert "Open the sign-in page." in driver.find_element(By.TAG_NAME, "main").get_attribute("textContent")

    # A page opened while the site is broken shows the problems at once.
    driver.get(server.url + "account/")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "tebiki-problems"))

    driver.get(server.url + "account/sign-in/")
    wait_connected(driver)
    with open(article, encoding="utf-8") as file:
        broken = file.read()
    with open(article, "w", encoding="utf-8") as file:
        file.write(broken.replace("titel: Sign in\n", "title: Sign in\n").replace("Open the sign-in page.", "Open the fixed sign-in page."))
    WebDriverWait(driver, 10).until(lambda d: "Open the fixed sign-in page." in main_text(d))
    assert driver.find_elements(By.ID, "tebiki-problems") == []
    assert not [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    # The terminal showed the same problem, then the fixed rebuild.
    assert "Articles/account/sign-in.md:1:1: error: front matter has no 'title' [title-missing]" in server.lines
    assert any(line.startswith("Rebuilt Articles/account/sign-in.md (fixed) in ") for line in server.lines)
