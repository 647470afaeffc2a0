"""Which browser a run starts: headless, Chromium's headless shell (under half the CPU); for a
class to watch, the full Chromium; an explicit COOKIE_LAB_BROWSER_BINARY over either."""

from pathlib import Path

import pytest

from scenarios.browser import binaries as browser_module
from scenarios.browser.binaries import resolve
from scenarios.core.config import Config
from scenarios.core.errors import UsageError
from scenarios.core.processes import members


@pytest.fixture
def system(tmp_path, monkeypatch):
    """A PATH holding a Chromium, its headless shell and a ChromeDriver (stubs)."""
    for name in ("chromium", "chromium-headless-shell", "chromedriver"):
        (tmp_path / name).write_text("#!/bin/sh\necho Chromium 156\n")  # its --version
        (tmp_path / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(browser_module, "CHROMIUM_LIB", str(tmp_path / "no-such-folder"))
    return tmp_path


def test_headless_takes_the_headless_shell(system):
    assert resolve(Config(headless=True)) == (
        str(system / "chromium-headless-shell"),
        str(system / "chromedriver"),
    )


def test_a_watched_browser_is_the_full_chromium(system):
    assert resolve(Config(headless=False))[0] == str(system / "chromium")


def test_without_the_shell_headless_takes_the_full_chromium(system):
    (system / "chromium-headless-shell").unlink()
    assert resolve(Config(headless=True))[0] == str(system / "chromium")


def test_an_explicit_browser_wins(system):
    chosen = str(system / "chromium")
    assert resolve(Config(headless=True, browser_binary=chosen))[0] == chosen


@pytest.mark.browser
def test_the_suites_headless_browser_is_the_shell_make_setup_installed_started_directly(browser):
    assert browser.driver.capabilities["browserName"] == "chrome-headless-shell"
    # Not through Debian's script, which would stay in the driver's group as a shell.
    group = members(browser.session.service.process.pid)
    programs = {Path(f"/proc/{pid}/exe").resolve().name for pid in group}
    assert "chromium-headless-shell" in programs and not programs & {"sh", "dash", "bash"}


def test_an_explicit_binary_that_is_no_browser_is_one_line_at_once(tmp_path):
    # /bin/true took ChromeDriver's full minute to fail; its --version says what it is.
    with pytest.raises(
        UsageError,
        match=r"COOKIE_LAB_BROWSER_BINARY=/bin/true is not a chromium "
        r"browser: its --version says 'true \(GNU coreutils\)",
    ):
        resolve(Config(browser_binary="/bin/true"))
