"""The plugin's command-line options, and the one-line refusals of bad ones: pytest says
them as usage errors, before any test runs. ``--headed``, ``--slow-mo``, ``--screenshot`` and
``--output`` are named and behave as pytest-playwright's, but that --slow-mo counts seconds;
``--remote-url`` and ``--advertise-host`` as `cookie-lab run`'s."""

import pytest

from lab_app.broken import BROKEN_LABS
from scenarios.browser.remote import answering
from scenarios.core.config import Config
from scenarios.core.errors import UsageError
from scenarios.tracks.automation.artifacts import MODES
from scenarios.tracks.automation.slow_motion import refusal


def add_options(parser):
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
    group.addoption(
        "--remote-url",
        default=None,
        metavar="URL",
        help="drive a browser on this Selenium Grid, as `cookie-lab run --remote-url` does: "
        "http://USER:PASSWORD@HOST:PORT for a Grid with a password "
        "(default: COOKIE_LAB_REMOTE_URL, else a local Chromium)",
    )
    group.addoption(
        "--advertise-host",
        default=None,
        metavar="HOST",
        help="with --remote-url: the host the Grid's node reaches the lab at "
        "(default: COOKIE_LAB_ADVERTISE_HOST, else 127.0.0.1)",
    )
    group.addoption(
        "--screenshot",
        default="off",
        choices=MODES,
        help="save a screenshot, the page's HTML and the cookie jar of each failing test "
        "(only-on-failure) or of every test (on), in a folder per test under --output "
        "(default: off)",
    )
    group.addoption(
        "--output",
        default="test-results",
        metavar="DIR",
        help="where --screenshot saves (default: test-results)",
    )


def refuse_options(config):
    """Raise pytest's UsageError for an option the run cannot go on with."""
    # Here, not in a fixture: pytest says it in one line, before any test runs.
    if config.getoption("--headed") and not _display():
        raise pytest.UsageError("--headed needs a display: set DISPLAY, or run under xvfb-run")
    refused = refusal(config.getoption("--slow-mo"))
    if refused:
        raise pytest.UsageError(refused)


def _display():
    try:
        return Config.from_env().display
    except UsageError as exc:  # a bad COOKIE_LAB_* setting
        raise pytest.UsageError(str(exc)) from None


def config_from(pytestconfig):
    """The browser's and the lab's settings, from the command line and COOKIE_LAB_*."""
    option = pytestconfig.getoption
    try:
        config = Config.from_env(
            headless=not option("--headed"),
            slow_mo=option("--slow-mo"),
            expiry_seconds=option("--lab-expiry-seconds"),
            remote_url=option("--remote-url"),
            advertise_host=option("--advertise-host"),
        )
        if config.remote_url:  # at session start (plugin.py): one line, before any test
            answering(config.remote_url, config.page_load_seconds)
    except UsageError as exc:
        raise pytest.UsageError(str(exc)) from None
    return config
