"""Every scenario, headless, in the session's shared browser, with a 2-second expiry, and
with the overlay on: it must never change what a check reads.

The real 15-second expiry runs once, in test_cli.py's full run.
"""

import pytest
from flask import abort, request
from helpers import SEEN, SHORT_EXPIRY_SECONDS, SHOWN, what_the_class_sees_is_true

from lab_app import create_app
from scenarios.content.catalog import SCENARIOS, select
from scenarios.core.config import Config
from scenarios.lab.facade import Lab
from scenarios.lab.server import LabServer
from scenarios.tracks.runner import lab_for, run_one

pytestmark = pytest.mark.browser

NOTHING = lambda *event: None  # noqa: E731 - where a run's events go unheard
WITH_OVERLAY = Config(expiry_seconds=SHORT_EXPIRY_SECONDS, overlay=True)


class _Watching:
    """Reads, as each step ends, what the class sees of it: checked after the run."""

    def __init__(self, browser):
        self.browser, self.wrong = browser, []

    def __getattr__(self, event):
        return lambda *args: None

    def step_finished(self, step):
        seen = self.browser.driver.execute_script(SEEN)  # a new driver after a restart
        self.wrong += [f"{step.narration}: {w}" for w in what_the_class_sees_is_true(step, seen)]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_scenario_passes_with_the_overlay_on(scenario, browser, short_expiry_server):
    lab = lab_for(scenario, browser, short_expiry_server.url, WITH_OVERLAY, NOTHING)
    watching = _Watching(browser)
    lab._observers.insert(1, watching)  # right after the overlay has drawn the step
    result = run_one(scenario, lab, NOTHING)
    failed = [f"{s.narration}: {s.message}" for s in result.steps if not s.passed]
    assert result.passed, failed
    # Each step's box and highlighted jar rows are its own cookies', legible at the back.
    assert watching.wrong == []
    assert result.steps and all(step.passed for step in result.steps)
    # The overlay really was there, showing the last step's narration and its result.
    shown = browser.driver.execute_script(SHOWN)
    assert shown is not None
    assert shown["scenario"] == scenario.name
    assert shown["narration"] == "\u2714 " + result.steps[-1].narration
    assert shown["state"] == "passed"


def test_not_carried_never_passes_on_a_page_that_is_not_the_lab_page(browser):
    """A 404 carries no cookie table: reading "nothing carried" off it would prove nothing."""
    app = create_app({"EXPIRY_SECONDS": SHORT_EXPIRY_SECONDS})

    @app.before_request
    def look_alike_paths_are_missing():
        if request.path == "/set-path-cookiex":
            abort(404)

    with LabServer(app) as server:
        # No overlay: a watched failure stays up five seconds for the class.
        lab = Lab(browser, server.url, Config(expiry_seconds=SHORT_EXPIRY_SECONDS))
        result = run_one(select(["path-boundary"])[0], lab, lambda *event: None)
    assert not result.passed
    assert result.steps[-1].message == (
        "expected the lab page at /set-path-cookiex, but the browser shows '404 Not Found'"
    )


def test_the_next_scenario_shows_no_countdown_left_by_the_expiry(browser, short_expiry_server):
    """In one browser (as in `make lab`), the expiry's deadline must not outlive its scenario."""
    for name in ("expiry", "long-lasting"):
        lab = Lab(browser, short_expiry_server.url, WITH_OVERLAY)
        assert run_one(select([name])[0], lab, lambda *event: None).passed, name
    assert not browser.driver.find_element("id", "expiry-countdown").is_displayed()


def test_lessons_that_need_loopback_are_skipped_with_the_reason_elsewhere():
    """On a Grid on another machine the browser reaches the lab by another name."""
    on_loopback, elsewhere = Config(), Config(advertise_host="lab-host.test")
    needing = {s.name for s in SCENARIOS if s.skip_reason(elsewhere)}
    on_two_sites = {
        "samesite-in-action",
        "csrf",
        "third-party",
        "partitioned",
        "prefixes",
        "domain",
    }
    assert needing == {"samesite", "secure-loopback", *on_two_sites}
    assert not any(s.skip_reason(on_loopback) for s in SCENARIOS)
    reason = select(["samesite"])[0].skip_reason(elsewhere)
    assert reason == (
        "its lesson needs the lab app on loopback, and this run's browser reaches it at "
        "lab-host.test"
    )
