"""Session-wide fixtures for the browser suite: the sample help centre built twice (for the
domain root and for the /help/ sub-path), nginx serving both, and one headless Chromium."""
import os
import shutil
import tempfile

import pytest

from harness import REPOSITORY, Nginx, build_site, chromium, set_color_scheme


@pytest.fixture(scope="session")
def work_folder():
    folder = tempfile.mkdtemp(prefix="tebiki-browser-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_sites(work_folder):
    """(root build, sub-path build) of the sample help centre in Articles/."""
    root = os.path.join(work_folder, "sample-root")
    sub = os.path.join(work_folder, "sample-help")
    build_site(REPOSITORY, root)
    build_site(REPOSITORY, sub, base_url="http://127.0.0.1/help/")
    return root, sub


@pytest.fixture(scope="session")
def server(sample_sites):
    root, sub = sample_sites
    nginx = Nginx(root, "help", sub)
    yield nginx
    nginx.stop()


@pytest.fixture(scope="session")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.fixture
def driver(browser):
    """The session's browser, reset to the light colour scheme and a desktop window."""
    set_color_scheme(browser, "light")
    browser.set_window_size(1280, 900)
    # Leave the earlier test's page first: a page of a preview server that test stopped keeps
    # reconnecting its event stream, and each refused attempt would land in this test's log.
    browser.get("about:blank")
    browser.get_log("browser")  # drop messages left by an earlier test
    return browser
