"""The harness must fail when the output is broken: a fixture whose theme writes a broken
fragment, a missing page and image, invalid HTML, an image without alt text and a script error."""
import os
import re

import pytest

from harness import FIXTURES, build_site, crawl
from test_accessibility import serious_violations
from test_validity import validate


@pytest.fixture(scope="module")
def broken_site(work_folder):
    output = os.path.join(work_folder, "browser-broken")
    build_site(os.path.join(FIXTURES, "browser-broken"), output)
    return output


def test_crawl_reports_every_broken_reference_and_the_script_error(driver, broken_site):
    home = f"file://{broken_site}/index.html"
    report = crawl(driver, home, f"file://{broken_site}/")
    problems = "\n".join(report.problems)
    assert f"link to file://{broken_site}/guide/page/index.html#no-such-heading: no element has that id" in problems
    assert f"link to file://{broken_site}/no-such-page/index.html: no such file" in problems
    assert f"img file://{broken_site}/images/missing.png: no such file" in problems
    assert "Uncaught ReferenceError: notDefinedAnywhere is not defined" in problems
    assert "missing.png - Failed to load resource: net::ERR_FILE_NOT_FOUND" in problems
    # The good fragment on the same page is not reported.
    assert "#real-heading" not in problems
    assert len(report.problems) == 5, problems


def test_validator_reports_invalid_html(broken_site):
    status, messages = validate(broken_site)
    assert status != 0
    assert re.search(r'index\.html":\d+\.\d+-\d+\.\d+: error: No "p" element in scope but a "p" end tag seen\.', messages)
    assert 'error: An "img" element must have an "alt" attribute' in messages


def test_axe_reports_an_image_without_alt_text(driver, broken_site):
    driver.get(f"file://{broken_site}/index.html")
    violations = serious_violations(driver)
    assert any(v.startswith("image-alt (critical)") for v in violations), violations
