"""The grader cannot be fooled: the learner's test cannot tell a broken lab from the real one
but by testing it, a flaky test is caught, the grading's Config reaches the browser whole, and
a verdict says what pytest, a stopped run or a slip of the learner's meant.

The hostile tries are small learner files, graded side by side in one grading child."""

import subprocess
import textwrap
import urllib.request

import pytest

from scenarios.cli.main import main
from scenarios.core.config import Config, UsageError
from scenarios.tracks.automation import fingerprint, grader
from scenarios.tracks.automation.grader import Run
from scenarios.tracks.automation.labs import Labs
from scenarios.tracks.automation.verdict import (
    CHANGED,
    CONFTEST,
    FORGED,
    NO_RESTART,
    Verdict,
    judge,
)

BROKEN = ("set-cookie-sets-nothing",)
SETS = 'driver.get(lab_url + "/set-cookie")'
# Each fails only where it believes the lab is broken, and tests nothing: unsolved, all.
HOSTILE = {
    "option": f"""
        def test_it(driver, lab_url, pytestconfig):
            {SETS}
            assert not pytestconfig.getoption("--lab-broken")
        """,
    "builtins_count": f"""
        import builtins

        def test_it(driver, lab_url):
            {SETS}
            runs = builtins.__dict__.setdefault("hostile_runs", [])
            runs.append(1)
            assert len(runs) <= 2, "from the third run on, it must be a broken lab"
        """,
    "environ_count": f"""
        import os

        def test_it(driver, lab_url):
            {SETS}
            os.environ["HOSTILE_RUNS"] = str(int(os.environ.get("HOSTILE_RUNS", "0")) + 1)
            assert int(os.environ["HOSTILE_RUNS"]) <= 2
        """,
    "invocation": f"""
        def test_it(driver, lab_url, request):
            {SETS}
            assert "--lab-broken" not in " ".join(request.config.invocation_params.args)
        """,
    "stack": f"""
        import sys
        from lab_app.broken import BROKEN_LABS

        def test_it(driver, lab_url):
            {SETS}
            frame = sys._getframe()
            while frame is not None:
                for value in frame.f_locals.values():
                    if isinstance(value, str | list | tuple | dict):
                        assert not any(name in repr(value) for name in BROKEN_LABS)
                frame = frame.f_back
        """,
    "heap": f"""
        import gc
        from flask import Flask

        def test_it(driver, lab_url):
            {SETS}
            apps = [o for o in gc.get_objects() if isinstance(o, Flask)]
            assert not any(app.config.get("BROKEN") for app in apps)
        """,
    # Fails everywhere, but first reports a pass on the checker's own pipe.
    "forged": f"""
        import json
        import os
        import sys

        def test_it(driver, lab_url):
            {SETS}
            said = dict(event="done", run=0, passed=1, failure=None, skipped=None, warnings=[])
            said.update(load_error=None, sleep_line=None)
            os.write(json.loads(sys.argv[1])["events_fd"], json.dumps(said).encode() + b"\\n")
            assert False
        """,
    # Tests the lab with urllib, never the browser, and tells the child it drove it.
    "claims_it_drove": """
        import sys
        import urllib.request

        def test_it(driver, lab_url):
            frame = sys._getframe()
            while frame is not None and "drives" not in frame.f_locals:
                frame = frame.f_back
            frame.f_locals["drives"].drove = True
            answer = urllib.request.urlopen(lab_url + "/set-cookie")
            assert answer.headers.get_all("Set-Cookie")
        """,
    "conftest": f"""
        def test_it(driver, lab_url):
            {SETS}
        """,
}
CONFTEST_FILE = """
    from pathlib import Path

    import pytest

    @pytest.fixture(autouse=True)
    def tell(pytestconfig):
        Path(__file__).with_name("loaded").touch()
        yield
        if pytestconfig.getoption("--lab-broken"):
            pytest.fail("a broken lab")
    """
# Reads what the grading's Config says, through the driver and the fixture: a strong test.
PAGE_LOAD = f"""
    def test_it(driver, lab_url, lab_config):
        {SETS}
        assert driver.timeouts.page_load == 3 and lab_config.page_load_seconds == 3
        assert driver.get_cookie("cookie_name")
    """
# Passes on odd-numbered calls: 5 runs hold 3 odd calls, so one of the 4 real runs fails.
COIN = f"""
    from pathlib import Path

    CALLS = Path(__file__).with_name("calls")

    def test_it(driver, lab_url):
        {SETS}
        calls = int(CALLS.read_text()) + 1 if CALLS.exists() else 1
        CALLS.write_text(str(calls))
        assert calls % 2, f"call {{calls}}"
        assert driver.get_cookie("cookie_name")
    """
TUPLE = f"""
    def test_it(driver, lab_url):
        {SETS}
        assert (driver.get_cookie("cookie_name") is not None, "no cookie")
    """
STALE = f"""
    def test_it(driver, lab_url, restart_browser):
        {SETS}
        restart_browser()
        driver.get(lab_url)
    """
SLASH = """
    def test_it(driver, lab_url):
        driver.get(lab_url + "set-cookie")
    """


def learner(tmp_path, name, body):
    folder = tmp_path / name
    folder.mkdir()
    path = folder / f"test_{name}.py"
    path.write_text(textwrap.dedent(body))
    return path


@pytest.fixture(autouse=True)
def released_checker(monkeypatch):
    # A developer's checkout may hold uncommitted edits to the checker: not a learner's.
    monkeypatch.setattr(fingerprint, "changed_files", lambda root, blobs: ())


@pytest.mark.long
@pytest.mark.browser
def test_hostile_flaky_and_slipping_tests_in_one_grading(tmp_path):
    hostile = [learner(tmp_path, name, body) for name, body in HOSTILE.items()]
    (hostile[-1].parent / "conftest.py").write_text(textwrap.dedent(CONFTEST_FILE))
    others = {n: learner(tmp_path, n, b) for n, b in [("page_load", PAGE_LOAD), ("coin", COIN)]}
    # These fail on the real lab: their broken runs would be skipped anyway.
    slips = [learner(tmp_path, n, b) for n, b in [("tuple", TUPLE), ("stale", STALE)]]
    slips.append(learner(tmp_path, "slash", SLASH))
    jobs = [(f, BROKEN) for f in (*hostile, *others.values(), slips[0])]
    jobs += [(f, ()) for f in slips[1:]]
    config = Config(headless=True, page_load_seconds=3)
    graded = grader.grade_files(jobs, config, expiry_seconds=2)
    verdicts = [
        judge(runs, broken, grader.RUN_SECONDS)
        for runs, (_, broken) in zip(graded, jobs, strict=True)
    ]
    said = [" ".join(v.sentences) for v in verdicts]
    for name, verdict, runs in zip(HOSTILE, verdicts, graded, strict=False):
        assert not verdict.solved, (name, verdict.sentences)
        if name == "forged":  # void from the forged line on: the rest of its runs not run
            assert verdict.sentences == (FORGED,) and sum(r.forged for r in runs) == 1
            continue
        assert [r.variant for r in runs][: grader.REAL_RUNS] == [None] * grader.REAL_RUNS
        if name == "claims_it_drove":  # the lab saw no request of the browser's
            assert verdict.sentences[0].startswith("your test never drove the browser"), name
    assert not (hostile[-1].parent / "loaded").exists()  # the conftest was not loaded
    assert [CONFTEST in s for s in said] == [n == "conftest" for n in HOSTILE] + [False] * 5
    page_load, coin, tuple_, stale, slash = verdicts[len(HOSTILE) :]
    assert page_load.solved, page_load.sentences  # the grading's Config, whole, in the child
    assert not coin.solved
    assert coin.sentences[0].startswith("your test is flaky: on the real lab it passed")
    assert not tuple_.solved and tuple_.sentences[-1] == (
        "pytest warns about line 4: assertion is always true, perhaps remove parentheses?"
    )
    assert stale.sentences[0].startswith("your test failed on the real lab: StaleDriver: ")
    assert "use the driver restart_browser() returned" in stale.sentences[0]
    assert stale.sentences[0].endswith("(line 5)")
    assert slash.sentences[0].startswith(
        "your test failed on the real lab: ValueError: driver.get('http://127.0.0.1:"
    )
    assert "set-cookie'): that is not a URL" in slash.sentences[0] and "(line 3)" in said[-1]


@pytest.mark.long
@pytest.mark.browser
def test_a_run_stopped_at_its_bound_says_where_it_was(tmp_path):
    sleeps = learner(
        tmp_path,
        "sleeps",
        f"""
        import time

        def test_it(driver, lab_url):
            {SETS}
            time.sleep(60)
        """,
    )
    waits = learner(
        tmp_path,
        "waits",
        f"""
        from selenium.webdriver.support.wait import WebDriverWait

        def test_it(driver, lab_url):
            {SETS}
            WebDriverWait(driver, 120).until(lambda d: d.get_cookie("no_such_cookie"))
        """,
    )
    # Its condition busy most of the time: the stop comes inside the learner's own lambda,
    # which until() calls, not in the wait's poll.
    busy = learner(
        tmp_path,
        "busy",
        f"""
        from selenium.webdriver.support.wait import WebDriverWait

        def test_it(driver, lab_url):
            {SETS}
            WebDriverWait(driver, 120).until(lambda d: sum(range(10**8)) < 0)
        """,
    )
    jobs = [(sleeps, ()), (waits, ()), (busy, ())]
    graded = grader.grade_files(jobs, Config(headless=True), run_seconds=3)
    sleeping, waiting, in_condition = (judge(runs, (), 3).sentences[0] for runs in graded)
    assert [len(runs) for runs in graded] == [1, 1, 1] and all(r[0].hung for r in graded)
    assert in_condition.startswith(
        "your test did not finish within 3 s on the real lab, so it was stopped while waiting "
        "in the WebDriverWait on line 6, whose timeout is 120 s"
    )
    assert sleeping.startswith(
        "your test did not finish within 3 s on the real lab, so it was stopped inside "
        "time.sleep on line 6; wait for what you check with WebDriverWait"
    )
    assert waiting.startswith(
        "your test did not finish within 3 s on the real lab, so it was stopped while waiting "
        "in the WebDriverWait on line 6, whose timeout is 120 s, longer than a whole run"
    )


def test_check_9_with_a_page_load_timeout_grades_with_it(monkeypatch):
    seen = []
    monkeypatch.setattr(
        grader, "grade_files", lambda jobs, config, *a, **k: seen.append(config) or [[]]
    )
    monkeypatch.setattr("scenarios.tracks.automation.track.judge", lambda *a: Verdict(True, ()))
    assert main(["check", "9", "--page-load-timeout", "3"], {}) == 0
    assert seen[0].page_load_seconds == 3
    assert Config.from_json(seen[0].to_json()) == seen[0]  # and it crosses to the child whole


def test_a_config_crosses_as_json_whole_and_validated(tmp_path):
    config = Config(page_load_seconds=3, report_dir=tmp_path, window_size=(800, 600))
    assert Config.from_json(config.to_json()) == config
    assert Config.from_json(Config().to_json()) == Config()
    with pytest.raises(UsageError, match="--page-load-timeout must be between"):
        Config.from_json(
            config.to_json().replace('"page_load_seconds": 3', '"page_load_seconds": 0')
        )
    with pytest.raises(UsageError, match="no setting 'flavour'"):
        Config.from_json('{"flavour": "chocolate-chip"}')


def test_four_real_runs_catch_a_coin_flip_nine_times_in_ten():
    assert grader.REAL_RUNS == 4
    assert 1 - grader.chance_solved_by_chance(0.5) == 1 - 1 / 16 >= 0.9
    assert 1 - grader.chance_solved_by_chance(0.5, real_runs=3) < 0.9  # why not three


def test_a_verdict_says_when_the_checker_was_changed(tmp_path, monkeypatch):
    monkeypatch.undo()  # the real comparison, on a checkout of its own
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "lab_app").mkdir()
    (tmp_path / "scenarios" / "verdict.py").write_text("SOLVED = False\n")
    (tmp_path / "lab_app" / "page.html").write_text("<p>lab</p>\n")
    unrecorded = fingerprint.seal(tmp_path)
    assert unrecorded.changed is None  # no git: the fingerprint alone
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "release"], check=True)
    released = fingerprint.seal(tmp_path)
    assert released == fingerprint.Seal(unrecorded.fingerprint, ())
    assert Verdict(True, ("solved",), released).sentences == ("solved",)
    (tmp_path / "scenarios" / "verdict.py").write_text("SOLVED = True\n")
    (tmp_path / "scenarios" / "extra.py").write_text("")
    edited = fingerprint.seal(tmp_path)
    assert edited.fingerprint != released.fingerprint
    assert edited.changed == ("scenarios/extra.py", "scenarios/verdict.py")
    assert Verdict(True, ("solved",), edited).sentences[-1] == (
        f"{CHANGED} (scenarios/extra.py, scenarios/verdict.py): this verdict is not the "
        "release checker's"
    )
    green = Run(None, passed=1)
    assert judge([green], (), 20).checker.fingerprint  # every verdict carries one


def test_each_run_gets_a_lab_of_its_own():
    # set-on-second-visit counts visits: a lab kept from run to run would set the cookie on
    # the second run's first visit, and a test that checks it is not set then would miss it.
    with Labs(expiry_seconds=2) as labs:
        for _ in range(2):
            labs.serve("set-on-second-visit")
            with urllib.request.urlopen(labs.url + "/set-cookie", timeout=10) as first:
                assert first.headers.get_all("Set-Cookie") is None


# Ends the grader's child between two runs, once: it hides in the child's own event writer
# and exits when the next run is announced. A grading cut short must not pass for one over.
ENDS_EARLY = f"""
    import json as _json, os, sys
    from pathlib import Path

    ONCE = Path(__file__).with_name("done-once")

    class _Writer:
        def __getattr__(self, name):
            return getattr(_json, name)

        def dumps(self, event, *args, **kwargs):
            if isinstance(event, dict) and event.get("event") == "start" and not ONCE.exists():
                ONCE.write_text("")
                os._exit(0)
            return _json.dumps(event, *args, **kwargs)

    def test_it(driver, lab_url):
        {SETS}
        sys.modules["__main__"].json = _Writer()
    """
# What a learner's folder may hold to stand in for the checker's own modules.
SHADOW = "from pathlib import Path\nPath(__file__).with_name('imported').write_text('')\n"


@pytest.mark.browser
def test_ending_the_process_between_runs_or_shadowing_pytest_solves_nothing(tmp_path, monkeypatch):
    early = learner(tmp_path, "early", ENDS_EARLY)
    # The working directory's pytest.py and scenarios/ must not stand in for ours.
    (tmp_path / "pytest.py").write_text(SHADOW + "raise ImportError('a learner pytest')\n")
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "__init__.py").write_text(SHADOW)
    monkeypatch.chdir(tmp_path)
    [runs] = grader.grade_files([(early, BROKEN)], Config(headless=True), expiry_seconds=2)
    verdict = judge(runs, BROKEN, grader.RUN_SECONDS)
    assert not verdict.solved, verdict.sentences
    assert any(r.ended == "exit status 0, between two runs" for r in runs), runs
    assert not (tmp_path / "imported").exists() and not (tmp_path / "scenarios/imported").exists()


def test_a_grading_with_no_real_run_or_a_broken_lab_never_run_is_not_solved():
    three = ("set-on-second-visit", "set-cookie-sets-nothing", "session-cookie-own-path")
    nothing = judge([], three, grader.RUN_SECONDS)
    assert not nothing.solved and nothing.sentences[0] == "your test never ran on the real lab"
    real = [Run(None, passed=1) for _ in range(grader.REAL_RUNS)]
    short = judge([*real, Run(three[0], failure="AssertionError")], three, grader.RUN_SECONDS)
    assert not short.solved
    assert short.sentences[0] == "your test never ran against 2 of the 3 broken labs"


NO_RESTART_TEST = """
    def test_the_session_cookie_is_a_session_cookie(driver, lab_url):
        driver.get(lab_url + "/set-cookie")
        driver.get(lab_url + "/set-long-lasting-cookie")
        assert "expiry" not in driver.get_cookie("cookie_name")
        assert "expiry" in driver.get_cookie("long_cookie_name")
    """
EVENT_WAIT = """
    import threading

    def test_it_waits_a_fixed_time(driver, lab_url):
        driver.get(lab_url + "/set-cookie")
        threading.Event().wait(0.2)
        assert driver.get_cookie("cookie_name")
    """


@pytest.mark.browser
def test_no_restart_where_the_lesson_is_a_restart_nor_a_fixed_pause_by_another_name(tmp_path):
    no_restart = learner(tmp_path, "no_restart", NO_RESTART_TEST)
    event_wait = learner(tmp_path, "event_wait", EVENT_WAIT)
    jobs = [(no_restart, ()), (event_wait, ())]
    graded = grader.grade_files(jobs, Config(headless=True), expiry_seconds=2, real_runs=1)
    restart = judge(graded[0], (), grader.RUN_SECONDS, must_restart=True)
    assert not restart.solved and restart.sentences[0] == NO_RESTART
    assert judge(graded[0], (), grader.RUN_SECONDS).solved  # the labs alone cannot tell
    waits = judge(graded[1], (), grader.RUN_SECONDS)
    assert not waits.solved
    assert "your test pauses with an Event's wait on line 6" in " ".join(waits.sentences)


class ScriptedChild:
    """A grading child's reports, scripted: a callable one is given what the grader sent."""

    def __init__(self, events):
        self.events, self.sent = list(events), []

    def next_event(self, deadline):
        event = self.events.pop(0) if self.events else {"event": "exit", "status": 0}
        return event(self.sent) if callable(event) else event

    def send(self, word):
        self.sent.append(word)

    def frozen_browser(self):
        return None


def test_a_report_without_its_runs_word_voids_the_grading_warm_or_not():
    # The child's "done" echoes the word of the run's "go"; the test's own line cannot.
    from scenarios.tracks.automation.grader import Grading
    from scenarios.tracks.automation.warm import WarmGrading

    class Served:
        browser_seen = None  # the labs cannot tell: the child's word stands

        def serve(self, variant):
            pass

    done = dict(event="done", passed=1, failure=None, skipped=None, load_error=None)
    done |= dict(sleep_line=None, warnings=[])
    ours = lambda sent: done | {"run": 0, "nonce": sent[-1].split()[1]}  # noqa: E731
    for kind, follow, ready in [
        (Grading, lambda g, c: g.follow(c, [0, 1]), [{"event": "ready"}]),
        (WarmGrading, lambda g, c: g.follow(c)[0], []),
    ]:
        grading = kind([(0, None), (0, "set-cookie-sets-nothing")], Served(), 5, lambda r: None)
        start = [{"event": "start", "run": 0}]
        child = ScriptedChild([*ready, *start, ours, {"event": "start", "run": 1}, done])
        assert follow(grading, child) == 1 and grading.forged == {0}, kind
        assert grading.runs[0].green and grading.runs[1].forged
        assert child.sent[0] != child.sent[1] and child.sent[0].startswith("go ")
        # A second "done" for a run, between runs.
        grading = kind([(0, None), (0, None)], Served(), 5, lambda r: None)
        child = ScriptedChild([*ready, *start, ours, done | {"run": 0}])
        assert follow(grading, child) == 0 and grading.runs[0].forged, kind
        verdict = judge(list(grading.runs.values()), (), 5)
        assert verdict.sentences == (FORGED,) and not verdict.solved


def test_a_test_that_never_loads_a_page_is_not_solved():
    real, broken = Run(None, passed=1, drove=False), Run(BROKEN[0], failure="x", drove=True)
    verdict = judge([real, broken], BROKEN, grader.RUN_SECONDS)
    assert not verdict.solved
    assert verdict.sentences[0].startswith("your test never drove the browser: the exercise")
