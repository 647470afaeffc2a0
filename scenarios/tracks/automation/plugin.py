"""The fixtures a learner's browser test uses: ``lab_url``, ``driver``, ``restart_browser``.

Installed as a pytest plugin (the ``pytest11`` entry point), so a learner's file is plain
pytest and Selenium::

    def test_the_cookie_comes_back(driver, lab_url):
        driver.get(lab_url + "/set-cookie")
        ...

``lab_url`` is the lab app on a free loopback port: the real lab, or with ``--lab-broken NAME``
a broken one, for a learner or an instructor trying one by hand. While grading, the grader
lends its browser, its Config and a lab it serves from its own process (``Lent``): the test
cannot tell the real lab from a broken one but by testing it. ``driver``
is one Chromium for the whole session, with an empty cookie jar and empty local storage at
the start of every test. ``--headed`` shows it, ``--slow-mo SECONDS`` pauses after each
command that may change the page, as ``cookie-lab run`` does.
"""

import os
from dataclasses import dataclass

import pytest

from lab_app import create_app
from lab_app.broken import BROKEN_LABS
from lab_app.tutorial import COOKIE_PATHS
from scenarios.browser.live import Browser
from scenarios.core.config import Config
from scenarios.core.errors import UsageError
from scenarios.lab.server import LabServer
from scenarios.tracks.automation.restart import restarter
from scenarios.tracks.automation.slow_motion import slow_motion
from scenarios.tracks.automation.urls import check_url


@dataclass(frozen=True)
class Lent:
    """What the grader's child lends each of its pytest runs (child.py): its browser, the
    grading's whole Config, and the address of the lab its parent serves."""

    browser: object
    config: Config
    lab_url: str


LENT = pytest.StashKey()


def pytest_addoption(parser):
    group = parser.getgroup("cookie-lab", "cookie-lab's lab and browser for browser tests")
    group.addoption("--headed", action="store_true", help="show the browser")
    group.addoption(
        "--slow-mo", type=float, default=0.0, metavar="SECONDS", help="pause after each page"
    )
    group.addoption(
        "--lab-broken",
        default=None,
        metavar="NAME",
        choices=sorted(BROKEN_LABS),
        help="serve this broken lab instead of the real one (see lab_app/broken.py)",
    )
    group.addoption(
        "--lab-expiry-seconds",
        type=int,
        default=None,
        metavar="N",
        help="the expiring cookie's life (default: COOKIE_LAB_EXPIRY_SECONDS, else 15)",
    )


def pytest_configure(config):
    # Here, not in a fixture: pytest says it in one line, before any test runs.
    if config.getoption("--headed") and not os.environ.get("DISPLAY"):
        raise pytest.UsageError("--headed needs a display: set DISPLAY, or run under xvfb-run")


@pytest.fixture(scope="session")
def lab_config(pytestconfig):
    """The browser's and the lab's settings: the grader's own while grading, else from the
    command line and COOKIE_LAB_*."""
    lent = pytestconfig.stash.get(LENT, None)
    if lent is not None:
        return lent.config
    option = pytestconfig.getoption
    headless = not option("--headed")
    try:
        config = Config.from_env(
            headless=headless,
            slow_mo=option("--slow-mo"),
            expiry_seconds=option("--lab-expiry-seconds"),
        )
    except UsageError as exc:
        raise pytest.UsageError(str(exc)) from None
    if config.remote_url:
        raise pytest.UsageError("browser tests need a local Chromium; unset COOKIE_LAB_REMOTE_URL")
    return config


@pytest.fixture(scope="session")
def expiry_seconds(lab_config):
    """How long the lab's expiring cookie lives, in seconds (the page says it too)."""
    return lab_config.expiry_seconds


@pytest.fixture(scope="session")
def lab_url(pytestconfig, expiry_seconds):
    """The lab app's address, e.g. http://127.0.0.1:41234, served for this session (the
    grader's, served by its parent process, while grading)."""
    lent = pytestconfig.stash.get(LENT, None)
    if lent is not None:
        yield lent.lab_url
        return
    app = create_app(
        {"EXPIRY_SECONDS": expiry_seconds, "BROKEN": pytestconfig.getoption("--lab-broken")}
    )
    with LabServer(app) as server:
        yield server.url


@pytest.fixture(scope="session")
def lab_browser(pytestconfig, lab_config):
    """One Chromium for the session (the grader lends its own), always quit."""
    lent = pytestconfig.stash.get(LENT, None)
    if lent is not None:
        yield lent.browser
        return
    with Browser(lab_config) as browser:
        prepare(browser, lab_config)
        yield browser


@pytest.fixture
def driver(lab_browser, lab_url):
    """The session's WebDriver with no cookies (any path) and no local storage for the lab."""
    lab_browser.jar_for(lab_url, COOKIE_PATHS).clear()
    return lab_browser.driver


@pytest.fixture
def restart_browser(lab_browser, lab_config):
    """A function that closes the browser and opens it again on the same profile, as a user
    quitting and relaunching it would, and returns the new driver: use that one from then on.
    """
    return restarter(lab_browser)


def prepare(browser, config):
    """What every browser a learner's test drives has, once: slow motion, and a clear
    error for a URL that is not one."""
    browser.add_command_listener(before=check_url)
    if config.slow_mo:
        slow_motion(browser, config.slow_mo)
