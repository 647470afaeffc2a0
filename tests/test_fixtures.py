"""The learner's fixtures (the cookie_lab pytest plugin) as a pytest-playwright user expects
them: each test on a blank page in one tab at the default window size, --slow-mo in seconds,
--screenshot and --output, and --headed showing the test and the jar in the page.

Each browser test runs one learner file of several tests in a pytest of its own, as a learner
does, so that one browser launch covers many behaviours."""

import json
import os
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pytest
from helpers import survivors, tagged_env

from scenarios.tracks.automation.artifacts import folder_name
from scenarios.tracks.automation.headed import Watched, follow

PYTEST = [sys.executable, "-m", "pytest", "-p", "cookie_lab", "-p", "no:cacheprovider", "-q"]
READ_OVERLAY = """
const root = document.querySelector("cookie-lab-overlay").shadowRoot;
const text = (selector) => root.querySelector(selector).textContent;
return {title: text(".title"), count: text(".count"), narration: text(".narration"),
        message: text(".message"), hint: text(".hint"),
        state: root.querySelector(".dock").dataset.state,
        jar: Array.from(root.querySelectorAll("tbody tr"), (row) => row.dataset.name)};
"""


def learner_run(tmp_path, body, *args, display=False):
    """Run the learner's file ``body`` with pytest and the plugin, in ``tmp_path``; its tests
    may read the overlay with ``driver.execute_script(READ)``."""
    test = tmp_path / "test_learner.py"
    test.write_text(f"READ = {READ_OVERLAY!r}\n" + textwrap.dedent(body))
    env = tagged_env()
    command = [*PYTEST, str(test), f"--rootdir={tmp_path}", *args]
    if display:
        command = ["xvfb-run", "-a", *command]
    else:
        env.pop("DISPLAY", None)
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=90
        )
    finally:
        assert survivors(env) == []
    return done


@pytest.mark.browser
def test_each_test_starts_blank_in_one_tab_at_the_default_size(tmp_path):
    earlier = tmp_path / "out" / "test_learner-py-test_gone"
    earlier.mkdir(parents=True)
    (earlier / ".cookie-lab-artifacts").touch()  # an earlier run's: this run replaces them
    (tmp_path / "out" / "notes").mkdir()  # the learner's own: left alone
    done = learner_run(
        tmp_path,
        """
        FRESH = ("about:blank", 1, {"width": 1280, "height": 720})

        def fresh(driver):
            return driver.current_url, len(driver.window_handles), driver.get_window_size()

        def test_1_leaves_a_page_tabs_a_size_and_cookies(driver, lab_url):
            assert fresh(driver) == FRESH
            driver.get(lab_url + "/set-cookie")
            driver.switch_to.new_window("tab")
            driver.execute_script("window.open('about:blank')")
            driver.set_window_size(800, 600)

        def test_2_fails(driver, lab_url):
            assert fresh(driver) == FRESH
            assert driver.get_cookies() == []
            driver.get(lab_url + "/set-cookie")
            assert driver.get_cookie("cookie_name") is None, "it is there"

        def test_3_quits_the_browser(driver):
            driver.quit()

        def test_4_closes_its_first_tab_and_leaves_an_alert(driver, lab_url):
            assert fresh(driver) == FRESH
            first = driver.current_window_handle
            driver.switch_to.new_window("tab")
            second = driver.current_window_handle
            driver.switch_to.window(first)
            driver.close()
            driver.switch_to.window(second)
            driver.execute_script("alert('left open')")

        def test_5_after_all_that(driver, lab_url):
            assert fresh(driver) == FRESH
            driver.get(lab_url + "/")
        """,
        "--screenshot=only-on-failure",
        "--output=out",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 failed, 4 passed in" in done.stdout, done.stdout
    assert "AssertionError: it is there" in done.stdout
    # Only the failing test's folder, named in its report; the earlier run's is gone.
    folder = tmp_path / "out" / "test_learner-py-test_2_fails"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["notes", folder.name]
    section = "- cookie-lab artifacts -"
    assert section in done.stdout, done.stdout
    said = done.stdout.split(section)[1].splitlines()[1]
    assert said == "out/test_learner-py-test_2_fails/: screenshot.png, page.html, cookies.json " + (
        "(the cookie jar)"
    )
    assert (folder / "screenshot.png").read_bytes().startswith(b"\x89PNG")
    assert '<h1 id="lesson-title">Set a session cookie</h1>' in (folder / "page.html").read_text()
    [cookie] = json.loads((folder / "cookies.json").read_text())
    assert cookie["name"] == "cookie_name" and cookie["value"] == "cookie_value"
    assert cookie["path"] == "/" and cookie["expires"] is None


@pytest.mark.browser
def test_headed_shows_the_test_its_pages_and_the_jar_in_slow_motion(tmp_path):
    done = learner_run(
        tmp_path,
        """
        import time

        def test_first(driver, lab_url):
            driver.get(lab_url + "/")
            start = time.monotonic()
            driver.get(lab_url + "/set-cookie")
            assert time.monotonic() - start >= 0.2  # slow motion's pause
            shown = driver.execute_script(READ)
            assert shown["title"] == "test_first" and shown["count"] == "\u00b7 test 1 of 2"
            assert shown["narration"] == "page 2: /set-cookie"
            assert shown["jar"] == ["cookie_name"] and shown["hint"] == ""

        def test_second(driver, lab_url):
            shown = driver.execute_script(READ)
            assert shown["title"] == "test_second" and shown["count"] == "\u00b7 test 2 of 2"
            assert shown["narration"] == "no page loaded yet" and shown["jar"] == []
        """,
        "--headed",
        "--slow-mo=0.2",
        display=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout


@pytest.mark.browser
def test_the_overlay_ends_a_test_on_its_result(browser, live_server):
    follow(browser)
    watched = Watched(browser, live_server.url, "test_it", 3, 4)
    browser.driver.get(live_server.url + "/set-cookie?x=1")
    assert browser.driver.execute_script(READ_OVERLAY)["narration"] == ("page 1: /set-cookie?x=1")
    crash = SimpleNamespace(message="AssertionError: it is there\nassert 1 == 2")
    watched.finished(SimpleNamespace(passed=False, skipped=False, longrepr=SimpleNamespace(
        reprcrash=crash)))  # fmt: skip
    shown = browser.driver.execute_script(READ_OVERLAY)
    assert shown["state"] == "failed" and shown["message"] == "AssertionError: it is there"
    assert shown["count"] == "\u00b7 test 3 of 4"
    # The test is over: the browser's next page is no longer counted as its.
    browser.driver.get(live_server.url + "/")
    assert browser.driver.find_elements("css selector", "cookie-lab-overlay") == []


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("500", "--slow-mo 500: the pause is in seconds, not milliseconds (at most 10; 0.5 is "
         "half a second)"),
        ("-1", "--slow-mo must be between 0 and 10 seconds, got -1"),
    ],
)  # fmt: skip
def test_slow_mo_is_seconds_and_at_most_ten(tmp_path, value, said):
    test = tmp_path / "test_it.py"
    test.write_text("def test_it(driver):\n    pass\n")
    done = subprocess.run(
        [*PYTEST, str(test), f"--slow-mo={value}"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, done.stdout + done.stderr
    assert done.stderr.strip() == f"ERROR: {said}"
    assert "Traceback" not in done.stdout + done.stderr


def test_artifact_folders_are_named_after_the_test():
    assert folder_name("test_x.py::test_y[a b/1]") == "test_x-py-test_y-a-b-1"
    assert folder_name("sub/test_x.py::TestK::test_y") == "sub-test_x-py-TestK-test_y"
    long = folder_name("test_x.py::test_y[" + "a" * 300 + "]")
    assert len(long) == 99 and long != folder_name("test_x.py::test_y[" + "a" * 301 + "]")
    assert os.sep not in folder_name("../../etc::x")
