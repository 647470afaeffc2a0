"""Which browser and which driver a local launch runs: found, never downloaded.

Driver resolution, in order: an explicit setting (COOKIE_LAB_BROWSER_BINARY, COOKIE_LAB_DRIVER),
the system's browser and driver, Selenium Manager (offline, no usage statistics), then
webdriver-manager when installed. Nothing here may download a browser or a driver.

Headless, the system's browser is Chromium's headless shell when it is installed (Debian's
chromium-headless-shell: the same Chromium, its network stack and cookie store, without the
desktop browser around them), as Playwright does. It costs under half the CPU: a launch 0.25 s
against 0.6 s, a page load 33 ms against 73 ms (docs/performance.md). A class watches the
full Chromium; COOKIE_LAB_BROWSER_BINARY=/usr/bin/chromium runs that headless too.
"""

import functools
import logging
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver

from scenarios.core.errors import UsageError


@dataclass(frozen=True)
class _Kind:
    binaries: tuple[str, ...]
    driver: str
    options: type
    service: type
    driver_class: type
    fix: str
    # Chromium's headless shell, chosen first for a headless run when installed.
    has_headless_shell: bool = False


KINDS = {
    "chromium": _Kind(
        ("chromium", "chromium-browser", "google-chrome"),
        "chromedriver",
        webdriver.ChromeOptions,
        webdriver.ChromeService,
        webdriver.Chrome,
        "run `make setup` (it installs Debian's chromium and chromium-driver)",
        has_headless_shell=True,
    ),
    "firefox": _Kind(
        ("firefox", "firefox-esr"),
        "geckodriver",
        webdriver.FirefoxOptions,
        webdriver.FirefoxService,
        webdriver.Firefox,
        # Debian packages Firefox but not geckodriver: Mozilla's release is a single binary.
        "install Firefox and Mozilla's geckodriver (Debian: apt-get install firefox-esr, and "
        "geckodriver from github.com/mozilla/geckodriver/releases on PATH; macOS: "
        "brew install --cask firefox and brew install geckodriver)",
    ),
}


# What a browser's --version says of it: "Chromium 156.0...", "Mozilla Firefox 128.0".
_NAMES = {"chromedriver": ("Chromium", "Chrome"), "geckodriver": ("Firefox",)}


@functools.cache
def _check_browser(binary, kind):
    """An explicit COOKIE_LAB_BROWSER_BINARY that is no browser of ``kind`` fails here, in a
    line, rather than after ChromeDriver's minute of waiting for it (/bin/true: 60 s)."""
    try:
        said = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        said = type(exc).__name__
    if not any(name in said for name in _NAMES[kind.driver]):
        raise UsageError(
            f"COOKIE_LAB_BROWSER_BINARY={binary} is not a {kind.binaries[0]} browser: its "
            f"--version says {said.splitlines()[0] if said else 'nothing'!r}"
        )


def resolve(config):
    """Return (browser binary, driver path) for a local browser; None means 'not found'."""
    kind = KINDS[config.browser]
    for setting, path in (
        ("COOKIE_LAB_BROWSER_BINARY", config.browser_binary),
        ("COOKIE_LAB_DRIVER", config.driver_path),
    ):
        if path and not os.access(path, os.X_OK):
            raise UsageError(f"{setting}={path} is not an executable file")
    if config.browser_binary:
        _check_browser(config.browser_binary, kind)
    found = [_headless_shell()] if config.headless and kind.has_headless_shell else []
    found += map(shutil.which, kind.binaries)
    binary = config.browser_binary or next(filter(None, found), None)
    driver = config.driver_path or shutil.which(kind.driver)
    return binary, driver


# Debian's chromium-headless-shell command is a script that stays the browser's parent rather
# than exec it: the binary it runs, here, is taken instead, so the browser is the driver's own
# child.
CHROMIUM_LIB = "/usr/lib/chromium"


def _headless_shell():
    found = shutil.which("chromium-headless-shell")
    binary = os.path.join(CHROMIUM_LIB, "chromium-headless-shell")
    return binary if found and os.access(binary, os.X_OK) else found


# Starts the headless shell with a tab to drive: see the script.
HEADLESS_SHELL_SCRIPT = os.path.join(os.path.dirname(__file__), "bin", "headless-shell")


def is_headless_shell(binary):
    """Debian's chromium-headless-shell, or Chrome for Testing's chrome-headless-shell."""
    return "headless-shell" in os.path.basename(binary).replace("_", "-")


# Offline: Selenium Manager may only find what is already on disk, and must not report usage
# statistics to a host it cannot reach. Given as its own flags, not as SE_OFFLINE and
# SE_AVOID_STATS in this process's environment, which every later child would inherit.
MANAGER_FLAGS = ("--offline", "--avoid-stats")


def driver_from_fallbacks(config):
    """Selenium Manager, then webdriver-manager: only reached when the system has no driver."""
    # Its warnings ("unable to discover ... in offline mode") would break our one-line errors.
    manager_log = logging.getLogger("selenium.webdriver.common.selenium_manager")
    manager_log.disabled = True
    try:
        from selenium.webdriver.common.selenium_manager import SeleniumManager

        kind = KINDS[config.browser]
        name = kind.options().capabilities["browserName"]
        found = SeleniumManager().binary_paths(["--browser", name, *MANAGER_FLAGS])
        # As Selenium's own DriverFinder: a driver for a browser that is not there is none.
        if Path(found["driver_path"]).is_file() and Path(found["browser_path"]).is_file():
            return found["driver_path"]
    except Exception:  # noqa: BLE001 - any failure here just means "try the next fallback"
        pass
    finally:
        manager_log.disabled = False
    try:
        if config.browser == "chromium":
            from webdriver_manager.chrome import ChromeDriverManager
            from webdriver_manager.core.os_manager import ChromeType

            return ChromeDriverManager(chrome_type=ChromeType.CHROMIUM).install()
    except Exception:  # noqa: BLE001 - not installed, or cannot download offline
        pass
    return None
