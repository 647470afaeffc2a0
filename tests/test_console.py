"""The console narrator's lines, as a learner reads them."""

import io

from fake_run import BY_NAME

from scenarios.content.catalog import SCENARIOS, select
from scenarios.core.config import Config
from scenarios.core.errors import Cancelled
from scenarios.core.records import Result, Step
from scenarios.lab.facade import failure_reason
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


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_summary_counts_steps_out_of_the_scenarios_own_count():
    # Stopped after 3 of the expiry's 4 steps: "3 of 4", not "3/3".
    expiry = BY_NAME["expiry"]
    steps = [Step(said, passed=True) for said in expiry.plan[:3]]
    out = io.StringIO()
    Narrator(out).run_finished([Result(expiry, steps, passed=True, stopped=True)])
    assert "expiry     3 of 4  steps  stopped" in out.getvalue()


def test_step_mode_prompts_in_the_terminal_and_clears_the_prompt_after():
    out = _Terminal()
    narrator = Narrator(out, colour=False)
    step = Step("The cookie is carried", passed=True, seconds=0.1)
    narrator.idle(step, instructor=True)
    narrator.idle(step, instructor=True)  # once, not once per poll
    assert out.getvalue().count("Enter: next step \u00b7 q then Enter: stop") == 1
    narrator.step_started(Step("The next one"))
    assert out.getvalue().endswith("\r\x1b[K  ... The next one")
    # Slow-mo's pause asks nothing of the instructor.
    quiet = _Terminal()
    Narrator(quiet).idle(step, instructor=False)
    assert quiet.getvalue() == ""


def test_a_failure_is_one_line_that_says_something():
    assert failure_reason(Cancelled()) == "stopped before the step could finish"
    assert failure_reason(KeyError()) == "the scenario stopped on KeyError"
    assert failure_reason(ValueError("bad\nvalue")) == "the scenario stopped on ValueError: bad"


def test_every_scenario_tells_the_learner_what_they_will_see():
    for scenario in SCENARIOS:
        assert "You will see" in scenario.doc, scenario.name


def test_a_skipped_scenario_is_counted_and_explained_in_the_summary():
    samesite, path = select(["samesite", "path"])
    results = [Result(samesite, passed=True, skipped="it needs loopback"), Result(path)]
    out = io.StringIO()
    Narrator(out).run_finished(results)
    assert "samesite   0 of 4  steps  skip" in out.getvalue()
    assert out.getvalue().endswith(
        "0 passed, 1 failed, 1 skipped\nsamesite skipped: it needs loopback\n"
    )


def test_no_color_turns_the_marks_plain():
    for environ, coloured in (({}, True), ({"NO_COLOR": ""}, False)):
        out = _Terminal()
        narrator = Narrator(out, Config.from_env(environ).colour)
        step = type("Step", (), {"narration": "n", "passed": True, "seconds": 0.1})()
        narrator.step_finished(step)
        assert ("\x1b[32m" in out.getvalue()) is coloured


def test_lessons_on_two_sites_are_skipped_in_one_line_on_a_remote_browser():
    """A Grid's node resolves lab.localhost to its own loopback, where no lab runs."""
    remote = Config(remote_url="http://grid.test:4444")
    skipped = {s.name: s.skip_reason(remote) for s in SCENARIOS if s.needs_sites}
    assert len(skipped) == 6 and set(skipped.values()) == {
        "its lesson needs the lab as lab.localhost and other.localhost, names a remote "
        "browser resolves to its own machine, not to this one's lab"
    }
    assert not any(s.skip_reason(remote) for s in SCENARIOS if not s.needs_loopback | s.needs_sites)
    firefox = select(["csrf"])[0].skip_reason(Config(browser="firefox"))
    assert (
        firefox == "its lesson is what Chromium sends cross-site, as measured: run it with chromium"
    )
