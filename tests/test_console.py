"""The console narrator's lines, as a learner reads them."""

import io

from scenarios.core.records import Step
from scenarios.show.console import Narrator


def narrated(step):
    out = io.StringIO()
    Narrator(out).step_finished(step)
    return out.getvalue()


def test_a_passed_step_is_ok():
    step = Step("The cookie is carried", passed=True, seconds=0.25)
    assert narrated(step) == "  ok   The cookie is carried (0.25 s)\n"


def test_a_failed_step_says_fail_and_why():
    step = Step("The cookie is carried", passed=False, message="it was not", seconds=0.25)
    assert narrated(step) == "  FAIL The cookie is carried (0.25 s)\n       it was not\n"


def test_an_interrupted_step_says_so_not_fail():
    # Ctrl-C halfway: the step has no result, so no FAIL and no empty reason line.
    step = Step("Wait for the cookie to expire", seconds=1.5)
    assert narrated(step) == "  stop Wait for the cookie to expire (interrupted after 1.50 s)\n"
