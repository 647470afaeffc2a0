"""In front of a class: step mode, the live cookie jar, and narration that fits any terminal.

The browser tests run headed, in an Xvfb display of their own at the projector's size.
"""

import fcntl
import io
import os
import pty
import queue
import re
import select
import struct
import subprocess
import termios
import threading
import time

import pytest
from helpers import (
    RUNNER,
    SHORT_EXPIRY_SECONDS,
    SHOWN,
    Lines,
    contrast,
    survivors,
    tagged_env,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from lab_app import create_app
from scenarios.browser.live import Browser
from scenarios.cli.main import main
from scenarios.content.catalog import select as scenarios_named
from scenarios.core.config import Config
from scenarios.lab.server import LabServer
from scenarios.tracks.runner import lab_for, run_one

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def display():
    """An Xvfb display of our own, the size of `make lab`'s screen."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as announced:
        number = announced.readline().strip()
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait(10)


@pytest.fixture(scope="module")
def headed(display):
    os.environ["DISPLAY"] = display
    try:
        with Browser(Config(headless=False)) as browser:
            yield browser
    finally:
        os.environ.pop("DISPLAY", None)


def stepping(scenario_name, browser, base_url, **config):
    """Run a scenario in step mode in a thread; return (thread, result holder, steps done)."""
    config = Config(headless=False, step=True, **config)
    scenario = scenarios_named([scenario_name])[0]
    finished = queue.Queue()
    lab = lab_for(scenario, browser, base_url, config, lambda *event: None)
    lab._observers.insert(0, _Finished(finished))
    result = {}
    thread = threading.Thread(target=lambda: result.update(r=run_one(scenario, lab, _quiet)))
    thread.start()
    return thread, result, finished


def _quiet(*event):
    pass


class _Finished:
    """Puts each finished step on a queue, as the step ends (before the instructor's wait)."""

    def __init__(self, into):
        self._into = into

    def __getattr__(self, event):
        if event == "step_finished":
            return self._into.put
        return lambda *args: None


def shown(driver):
    return driver.execute_script(SHOWN)


def click_next(driver):
    WebDriverWait(driver, 10).until(lambda d: (shown(d) or {}).get("state") == "passed")
    host = driver.find_element("css selector", "cookie-lab-overlay")
    button = host.shadow_root.find_element("css selector", ".next")
    WebDriverWait(driver, 10).until(lambda d: button.is_displayed())
    button.click()


def test_step_mode_goes_one_step_per_click_and_the_jar_shows_the_path_lesson(headed, live_server):
    driver = headed.driver
    thread, result, finished = stepping("path", headed, live_server.url)
    try:
        for number in range(1, 6):
            step = finished.get(timeout=20)
            assert step.passed, step.message
            # One step, then nothing until the instructor clicks.
            with pytest.raises(queue.Empty):
                finished.get(timeout=0.5)
            assert shown(driver)["count"] == f"\u00b7 step {number} of 8"
            if number < 5:
                click_next(driver)
        # Step 5 is at /: the jar holds the path cookie, and the request did not carry it.
        assert driver.execute_script("return location.pathname") == "/"
        jar = shown(driver)["jar"]
        assert jar["path_cookie_name"]["sent"] == "no"
        assert jar["path_cookie_name"]["left"] == "session"
        assert shown(driver)["scope"] == "every path"
        # Escape in the browser stops the run: the steps so far stand.
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        thread.join(30)
        assert not thread.is_alive()
        assert result["r"].stopped and result["r"].passed
        assert len(result["r"].steps) == 5
    finally:
        thread.join(30)


@pytest.fixture
def four_second_expiry_server():
    """Long enough that the panel still counts when first read, however loaded the machine."""
    with LabServer(create_app({"EXPIRY_SECONDS": 4})) as server:
        yield server


def test_the_jar_panel_counts_the_expiring_cookie_down(headed, four_second_expiry_server):
    driver = headed.driver
    thread, result, finished = stepping("expiry", headed, four_second_expiry_server.url)
    try:
        finished.get(timeout=20)
        click_next(driver)
        assert finished.get(timeout=20).passed
        WebDriverWait(driver, 10).until(lambda d: shown(d)["state"] == "passed")
        first = shown(driver)["jar"]["expiring_cookie_name"]
        assert first["http_only"] == "\u2013" and first["sent"] == "yes"
        assert re.fullmatch(r"\d+ s", first["left"]), first
        # It counts down in the page while the class waits, then says it expired.
        WebDriverWait(driver, 10).until(
            lambda d: shown(d)["jar"]["expiring_cookie_name"]["left"] != first["left"]
        )
        later = shown(driver)["jar"]["expiring_cookie_name"]["left"]
        assert later == "expired" or int(later.split()[0]) < int(first["left"].split()[0])
        # The wait outlasted the cookie: the next step says so, and passes.
        click_next(driver)
        step = finished.get(timeout=20)
        assert step.passed, step.message
        assert "passed while we paused" in step.narration or "Reload" in step.narration
    finally:
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        thread.join(30)


def test_a_step_taken_in_the_cookies_last_second_waits_for_it_to_go_then_sets_it_again(
    headed, short_expiry_server
):
    # Clicked with under a second of the cookie left: too late to show it carried, too early
    # to find it gone (this step used to say "carried", then fail finding it still there).
    driver = headed.driver
    thread, result, finished = stepping("expiry", headed, short_expiry_server.url)
    try:
        finished.get(timeout=20)
        last_second = time.monotonic() + SHORT_EXPIRY_SECONDS - 0.8  # the cookie's clock
        WebDriverWait(driver, 10, 0.05).until(lambda d: time.monotonic() >= last_second)
        click_next(driver)
        step = finished.get(timeout=20)
        assert step.passed, step.message
        assert step.narration.startswith("It expired while we paused")
    finally:
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        thread.join(30)


def test_the_dock_is_opaque_and_its_narration_readable_on_a_projector(headed, live_server):
    driver = headed.driver
    # The window is the projector's 1280x720, with no "controlled by automated software" bar.
    assert driver.get_window_size() == {"width": 1280, "height": 720}
    assert driver.execute_script("return outerHeight - innerHeight") < 100
    lab_for_path = lab_for(
        scenarios_named(["path"])[0], headed, live_server.url, Config(headless=False), _quiet
    )
    with lab_for_path.step("Visit /delete-cookies-naive: the tutorial's deletion"):
        lab_for_path.visit("/delete-cookies-naive")
    style = driver.execute_script(READABILITY)
    assert style["size"] >= 20, style
    assert style["background_alpha"] == 1, style
    assert contrast(style["color"], style["background"]) >= 7, style
    # The Set-Cookie lines the visit points at are above the dock, not under it.
    assert shown(driver)["box"]["bottom"] <= shown(driver)["dock"]["top"]


READABILITY = """
const root = document.querySelector("cookie-lab-overlay").shadowRoot;
const narration = getComputedStyle(root.querySelector(".narration"));
const dock = getComputedStyle(root.querySelector(".dock"));
const rgba = (c) => c.match(/[\\d.]+/g).map(Number);
const bg = rgba(dock.backgroundColor);
return {size: parseFloat(narration.fontSize), color: rgba(narration.color),
        background: bg, background_alpha: bg.length > 3 ? bg[3] : 1};
"""


def test_step_mode_goes_one_step_per_enter_and_q_stops_with_the_summary(display, tmp_path):
    env = {**tagged_env(), "DISPLAY": display}
    process = subprocess.Popen(
        [*RUNNER, "run", "second-request", "update", "--headed", "--step"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = Lines(process.stdout)
        lines.until("  ok", within=30)
        for _ in range(2):
            with pytest.raises(queue.Empty):  # nothing more until the instructor says so
                while not lines.next(timeout=0.5).startswith("  ok"):
                    pass
            process.stdin.write("\n")
            process.stdin.flush()
            lines.until("  ok", within=30)
        process.stdin.write("q\n")
        process.stdin.flush()
        process.wait(timeout=30)
        rest = lines.rest()
    finally:
        if process.poll() is None:
            process.kill()
        left = survivors(env)
    assert process.returncode == 0
    assert "second-request   3 of 3  steps  stopped" in rest
    assert "0 passed, 0 failed, 1 stopped" in rest
    assert "update" not in rest.split("scenario  ")[-1]  # never reached
    assert not left


def test_step_mode_needs_a_headed_browser(capsys):
    assert main(["run", "path", "--step"], {}, io.StringIO()) == 2
    assert capsys.readouterr().err == (
        "cookie-lab: error: --step paces a browser the class watches: add --headed\n"
    )


# --- the terminal -------------------------------------------------------------------------


def screen(output, columns):
    """The lines a terminal of ``columns`` shows after ``output``: a small emulator of what
    the narrator uses (wrapping, carriage return, newline, erase to end of line, colours)."""
    rows, row, col = [[]], 0, 0
    for token in re.findall(r"\x1b\[[0-9;]*[A-Za-z]|\r|\n|.", output, re.S):
        if token == "\r":
            col = 0
        elif token == "\n":
            row, col = row + 1, 0
        elif token == "\x1b[K":
            del rows[row][col:]
        elif token.startswith("\x1b"):
            continue
        else:
            if col == columns:
                row, col = row + 1, 0
            while len(rows) <= row:
                rows.append([])
            line = rows[row]
            line.extend(" " * (col - len(line) + 1))
            line[col] = token
            col += 1
        while len(rows) <= row:
            rows.append([])
    return ["".join(r).rstrip() for r in rows]


def in_terminal(args, columns, env):
    """Run the CLI in a pseudo-terminal ``columns`` wide; return all it wrote."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(RUNNER[0], [*RUNNER, *args], env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    written, deadline = b"", time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], deadline - time.monotonic())
        try:
            chunk = os.read(fd, 65536) if ready else b""
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        written += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), written.decode()


def test_a_72_column_terminal_shows_no_stale_lines_and_counts_the_expiry_down():
    env = {**tagged_env(), "COOKIE_LAB_EXPIRY_SECONDS": "3", "COLUMNS": ""}
    env.pop("COLUMNS")
    env.pop("NO_COLOR", None)
    status, written = in_terminal(["run", "second-request", "expiry"], 72, env)
    assert status == 0, written
    shown_lines = screen(written, 72)
    # Every running line ("  ... ") was replaced by its result: none is left behind.
    assert not [line for line in shown_lines if line.startswith("  ...")], shown_lines
    assert "\x1b[32mok  \x1b[0m" in written  # coloured on a terminal
    text = "\n".join(shown_lines)
    assert "Visit /set-cookie for the first time: the request carries no cookie_name" in (
        text.replace("\n", "")
    )
    # While the expiry waits, its line counts down, cut to fit the width.
    counted = re.findall(r"expiring_cookie_name: (\d+) s left", written)
    assert len(set(counted)) >= 2, written
    for drawn in re.findall(r"\r\x1b\[K(  \.\.\. [^\r\n]*)", written):
        assert len(drawn) < 72, drawn


def test_a_log_gets_plain_whole_lines(live_server):
    out = io.StringIO()
    status = main(["run", "second-request", "--base-url", live_server.url], {}, out)
    assert status == 0
    written = out.getvalue()
    assert "\r" not in written and "\x1b" not in written
    assert "  ok   Visit /set-cookie for the first time: the request carries no cookie_name" in (
        written
    )
