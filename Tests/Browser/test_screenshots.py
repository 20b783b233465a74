"""Screenshots of the main pages at desktop and phone widths, for people to look at
(Tests/Browser/screenshots/, not committed), and a check that nothing overflows a phone screen."""
import os

import pytest

SCREENSHOTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "screenshots")
PAGES = {"home": "", "category": "login/", "article": "login/login/", "sections": "troubleshooting/",
         "section-article": "troubleshooting/password/reset-password/"}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_screenshot_and_no_horizontal_overflow(driver, server, page, width):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    driver.set_window_size(*WIDTHS[width])
    driver.get(server.root_url + PAGES[page])
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    path = os.path.join(SCREENSHOTS, f"{page}-{width}.png")
    assert driver.save_screenshot(path)
    assert os.path.getsize(path) > 10_000
