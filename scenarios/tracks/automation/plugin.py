"""The fixtures a learner's browser test uses: ``lab_url``, ``other_url``, ``driver``,
``restart_browser``.

Installed as a pytest plugin (the ``pytest11`` entry point), so a learner's file is plain
pytest and Selenium::

    def test_the_cookie_comes_back(driver, lab_url):
        driver.get(lab_url + "/set-cookie")
        ...

``lab_url`` is the lab app on a free loopback port: the real lab, or with ``--lab-broken NAME``
a broken one, for a learner or an instructor trying one by hand. While grading, the grader
lends its browser, its Config and a lab it serves from its own process (``Lent``): the test
cannot tell the real lab from a broken one but by testing it. ``driver`` is one Chromium for
the whole session; each test gets it as a pytest-playwright user gets a new page: blank, in
one tab, at the default window size, with an empty cookie jar and empty local storage.

Options, as pytest-playwright's: ``--headed`` shows the browser and in its page the test, its
pages and the cookie jar (watch.py); ``--slow-mo SECONDS`` pauses after each command that may
change the page, as ``cookie-lab run`` does; ``--screenshot``/``--output`` save a failing
test's screenshot, page and cookie jar (artifacts.py); ``--remote-url URL`` (a Grid, its
password in the URL, as `cookie-lab run` takes it) makes ``driver`` a session on the Grid,
and serves ``lab_url`` at ``--advertise-host``, where the Grid's node reaches it.
"""

from contextlib import nullcontext
from dataclasses import dataclass

import pytest

from lab_app import create_app
from lab_app.tutorial import COOKIE_PATHS
from scenarios.browser.live import Browser
from scenarios.core.config import Config
from scenarios.lab.server import LabServer
from scenarios.tracks.automation.artifacts import Artifacts
from scenarios.tracks.automation.fresh import fresh_start
from scenarios.tracks.automation.headed import Watched, follow
from scenarios.tracks.automation.options import add_options, config_from, refuse_options
from scenarios.tracks.automation.restart import restarter
from scenarios.tracks.automation.slow_motion import slow_motion
from scenarios.tracks.automation.urls import check_url, other_site


@dataclass(frozen=True)
class Lent:
    """What the grader's child lends each of its pytest runs (child.py): its browser, the
    grading's whole Config, and the address of the lab its parent serves."""

    browser: object
    config: Config
    lab_url: str
    # Hears whether the run's tests loaded a page (watches.DriveWatch); the driver fixture
    # sets its own reset aside.
    drives: object = None


LENT = pytest.StashKey()
# The Config this run's options and COOKIE_LAB_* give, built (and its Grid asked) once.
CONFIG = pytest.StashKey()
ARTIFACTS = pytest.StashKey()
# A test's call report, for its fixtures' teardown (the headed overlay shows its result).
CALL_REPORT = pytest.StashKey()


def pytest_addoption(parser):
    add_options(parser)


def pytest_configure(config):
    refuse_options(config)
    root = config.invocation_params.dir
    config.stash[ARTIFACTS] = artifacts = Artifacts(
        config.getoption("--screenshot"), root / config.getoption("--output"), root
    )
    if not hasattr(config, "workerinput"):  # pytest-xdist's workers leave it to their leader
        artifacts.clear()


def pytest_sessionstart(session):
    # Here, after every plugin's pytest_configure (the grader's lends its Config in its own),
    # and before any test: a bad --remote-url, or a Grid that cannot be reached, is one
    # line (pytest's usage error, exit 4), not a setup error with a traceback in every test.
    config = session.config
    if LENT not in config.stash and not hasattr(config, "workerinput"):
        config.stash[CONFIG] = config_from(config)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    report = (yield).get_result()
    if call.when == "call" and "lab_browser" in item.funcargs:
        item.stash[CALL_REPORT] = report
        browser, lab_url = item.funcargs["lab_browser"], item.funcargs["lab_url"]
        item.config.stash[ARTIFACTS].keep(report, browser, lab_url)


@pytest.fixture(scope="session")
def lab_config(pytestconfig):
    """The browser's and the lab's settings: the grader's own while grading, else from the
    command line and COOKIE_LAB_*."""
    lent = pytestconfig.stash.get(LENT, None)
    if lent is not None:
        return lent.config
    if CONFIG in pytestconfig.stash:
        return pytestconfig.stash[CONFIG]
    return config_from(pytestconfig)  # a pytest-xdist worker: its leader asked the Grid


@pytest.fixture(scope="session")
def expiry_seconds(lab_config):
    """How long the lab's expiring cookie lives, in seconds (the page says it too)."""
    return lab_config.expiry_seconds


@pytest.fixture(scope="session")
def lab_url(pytestconfig, expiry_seconds, lab_config):
    """The lab app's address, e.g. http://127.0.0.1:41234, served for this session (the
    grader's, served by its parent process, while grading)."""
    lent = pytestconfig.stash.get(LENT, None)
    if lent is not None:
        yield lent.lab_url
        return
    app = create_app(
        {"EXPIRY_SECONDS": expiry_seconds, "BROKEN": pytestconfig.getoption("--lab-broken")}
    )
    # Where a Grid's node reaches it (--advertise-host); a local browser's, on loopback.
    host = lab_config.advertise_host if lab_config.remote_url else "127.0.0.1"
    with LabServer(app, advertise=host) as server:
        app.config["LAB_URL"] = server.url  # where the other site's pages send the browser
        yield server.url


@pytest.fixture(scope="session")
def other_url(lab_url):
    """Another site serving the same lab, e.g. http://other.localhost:41234: its pages
    (/cross-site/elsewhere, /cross-site/attacker) link, post and frame to ``lab_url``."""
    return other_site(lab_url)


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
def driver(request, lab_browser, lab_url, lab_config):
    """The session's WebDriver on a blank page in one tab at the default window size, with no
    cookies (any path) and no local storage for the lab; with ``--headed``, the test shown in
    the page as it runs."""
    lent = request.config.stash.get(LENT, None)
    with lent.drives.set_aside() if lent and lent.drives else nullcontext():
        fresh_start(lab_browser, lab_config.window_size)
        lab_browser.jar_for(lab_url, COOKIE_PATHS).clear()
    if not lab_config.shows_overlay:
        yield lab_browser.driver
        return
    items = request.session.items
    number = items.index(request.node) + 1 if request.node in items else 0
    watched = Watched(lab_browser, lab_url, request.node.name, number, len(items))
    yield lab_browser.driver
    watched.finished(request.node.stash.get(CALL_REPORT, None), linger=lab_config.slow_mo)


@pytest.fixture
def restart_browser(lab_browser, driver):
    """A function that closes the browser and opens it again on the same profile, as a user
    quitting and relaunching it would, and returns the new driver: use that one from then on.
    """
    return restarter(lab_browser)


def prepare(browser, config):
    """What every browser a learner's test drives has, once: a clear error for a URL that is
    not one, the watched test's page count (headed), and slow motion."""
    browser.add_command_listener(before=check_url)
    if config.shows_overlay:
        follow(browser)  # before slow motion: a pause shows the page's count and jar
    if config.slow_mo:
        slow_motion(browser, config.slow_mo)
