"""Every scenario, headless, in the session's shared browser, with a 2-second expiry.

The real 15-second expiry runs once, in test_cli.py's full run.
"""

import pytest
from helpers import SHORT_EXPIRY_SECONDS

from scenarios.catalog import SCENARIOS
from scenarios.config import Config
from scenarios.lab import Lab
from scenarios.runner import run_one

pytestmark = pytest.mark.browser

SHORT = Config(expiry_seconds=SHORT_EXPIRY_SECONDS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_scenario_passes(scenario, browser, short_expiry_server):
    lab = Lab(browser, short_expiry_server.url, SHORT)
    result = run_one(scenario, lab, lambda *event: None)
    failed = [f"{s.narration}: {s.message}" for s in result.steps if not s.passed]
    assert result.passed, failed
    assert result.steps and all(step.passed for step in result.steps)


def test_every_scenario_tells_the_learner_what_they_will_see():
    for scenario in SCENARIOS:
        assert "You will see" in scenario.doc, scenario.name
