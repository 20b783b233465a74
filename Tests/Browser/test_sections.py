"""A reader moving through a category with a section in the sample help centre
(troubleshooting › パスワードのトラブル), at the domain root, under a sub-path and from disk."""
import pytest
from selenium.webdriver.common.by import By

from harness import wait_for
from test_crawl import start_and_scope


def texts(driver, selector):
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, selector)]


@pytest.mark.parametrize("mode", ["domain root", "sub-path", "from disk"])
def test_category_section_article_and_back_through_the_breadcrumbs(driver, server, sample_sites, mode):
    _, scope, _ = start_and_scope(mode, server, sample_sites)
    driver.set_window_size(1280, 900)
    driver.get(scope + ("troubleshooting/index.html" if mode == "from disk" else "troubleshooting/"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "ログインできないとき"
    assert texts(driver, ".section-card h3") == ["パスワードのトラブル"]
    assert texts(driver, ".section-card .count") == ["2 件の記事"]
    driver.find_element(By.CSS_SELECTOR, ".section-card h3 a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "パスワードのトラブル"
    assert texts(driver, ".breadcrumbs li") == ["ホーム", "ログインできないとき", "パスワードのトラブル"]
    driver.find_element(By.CSS_SELECTOR, ".article-list a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "パスワードを忘れたとき"
    assert texts(driver, ".breadcrumbs li") == ["ホーム", "ログインできないとき", "パスワードのトラブル", "パスワードを忘れたとき"]
    # Beside the article on a wide screen: its section, itself marked.
    nav = driver.find_element(By.CSS_SELECTOR, ".section-nav")
    assert nav.is_displayed()
    assert texts(driver, ".section-nav li") == ["パスワードを忘れたとき", "ログイン名またはパスワードが違うと表示されるとき"]
    assert driver.find_element(By.CSS_SELECTOR, ".section-nav [aria-current=page]").text == "パスワードを忘れたとき"
    driver.find_element(By.CSS_SELECTOR, ".breadcrumbs li:nth-child(3) a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "パスワードのトラブル"


def test_the_section_list_stays_out_of_the_way_on_a_phone(driver, server):
    driver.set_window_size(390, 844)
    driver.get(server.root_url + "troubleshooting/password/reset-password/")
    assert not driver.find_element(By.CSS_SELECTOR, ".section-nav").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".breadcrumbs li:nth-child(3) a").is_displayed()


def test_the_old_address_of_a_moved_article_leads_to_it(driver, server):
    driver.get(server.root_url + "troubleshooting/reset-password/")
    target = server.root_url + "troubleshooting/password/reset-password/"
    assert wait_for(lambda: driver.current_url == target)
    assert driver.find_element(By.TAG_NAME, "h1").text == "パスワードを忘れたとき"
