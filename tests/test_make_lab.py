"""`make lab` with no display: one line says so, and the run still finishes with its report.

scripts/lab.sh is what `make lab` runs; extra arguments win over its defaults, so these runs
are one short scenario with no pause.
"""

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
from helpers import signalled_halfway
from selenium.webdriver.support.wait import WebDriverWait

pytestmark = pytest.mark.browser

LAB = Path(__file__).resolve().parents[1] / "scripts" / "lab.sh"

# The colour of the bottom-left pixel of the first screenshot: the overlay's dark banner
# when the browser was headed, the lab page's white background when it was headless.
CORNER = """
const img = document.querySelector("img.screenshot");
const canvas = document.createElement("canvas");
canvas.width = img.naturalWidth;
canvas.height = img.naturalHeight;
const context = canvas.getContext("2d");
context.drawImage(img, 0, 0);
return [...context.getImageData(2, img.naturalHeight - 3, 1, 1).data.slice(0, 3)];
"""


def make_lab(report_dir, **env):
    environ = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    return subprocess.run(
        ["bash", str(LAB), "second-request", "--slow-mo", "0", "--report", str(report_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**environ, **env},
        stdin=subprocess.DEVNULL,
    )


def corner_of_first_screenshot(driver, report_dir):
    driver.get((report_dir / "index.html").resolve().as_uri())
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return [...document.images].every((i) => i.complete)")
    )
    return driver.execute_script(CORNER)


def test_no_display_runs_headed_under_xvfb_with_the_overlay(tmp_path, driver):
    done = make_lab(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    first_line = done.stdout.splitlines()[0]
    assert first_line == (
        "lab: no display (DISPLAY is not set): running the browser in a virtual display (Xvfb)"
    )
    assert "1 passed, 0 failed" in done.stdout
    assert re.search(r"^report: .*/index\.html$", done.stdout, re.M)
    assert max(corner_of_first_screenshot(driver, tmp_path)) < 80


def test_no_display_and_no_xvfb_runs_headless(tmp_path, driver):
    done = make_lab(tmp_path, XVFB="no-such-Xvfb")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == (
        "lab: no display (DISPLAY is not set) and no Xvfb: running headless"
    )
    assert "1 passed, 0 failed" in done.stdout
    assert min(corner_of_first_screenshot(driver, tmp_path)) > 200


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGINT, signal.SIGTERM])
def test_a_signal_halfway_leaves_no_virtual_display_nor_browser(signum):
    # Closing the terminal sends SIGHUP to the whole job: Xvfb takes it as "reset", not
    # "stop", so whatever started it must stop it.
    command = ["env", "-u", "DISPLAY", "bash", str(LAB), "second-request", "update", "expiry"]
    returncode, stderr, left = signalled_halfway(
        [*command, "--slow-mo", "0", "--expiry-seconds", "30"], "update:", {"Xvfb"}, signum
    )
    assert left == []
    assert returncode == 128 + signum, stderr


def test_a_failing_make_lab_ends_on_its_own_verdict_not_makes_error(
    app_that_forgets_to_set_cookies, tmp_path
):
    environ = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    args = f"second-request --slow-mo 0 --base-url {app_that_forgets_to_set_cookies.url}"
    args += f" --report {tmp_path}"
    done = subprocess.run(
        ["make", "-s", "-C", str(LAB.parents[1]), "lab", f"ARGS={args}"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environ,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "make: ***" not in done.stdout + done.stderr
    said = done.stderr.strip().splitlines()
    # The run's own summary is the last thing said, with its verdict line.
    assert said[-3].startswith("second-request   1 of 3  steps  FAIL"), said
    assert said[-2] == "0 passed, 1 failed"
    assert said[-1] == f"report: {tmp_path / 'index.html'}"
