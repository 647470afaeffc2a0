"""The automation track: learners' browser tests, graded against the real lab and broken labs.

The browser tests grade many files in one child process and one browser (grade_files), with a
2 s expiry, to keep the suite short; the tests about messages judge runs in-process.
"""

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import TAG, survivors, tagged_env

from lab_app.broken import BROKEN_LABS
from scenarios.cli.main import main
from scenarios.content.exercises.catalog import AUTOMATION_TRACK as AUTOMATION
from scenarios.core.config import Config
from scenarios.tracks.automation import grader, supervisor, track
from scenarios.tracks.automation.grader import Run
from scenarios.tracks.automation.run import Stop
from scenarios.tracks.automation.verdict import Verdict, judge
from scenarios.tracks.outcome import Outcome
from scenarios.tracks.scoreboard import scoreboard

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Config(headless=True)
EXPIRY = 2
# One real run where a test's flakiness is not the question: whether four real runs catch a
# flaky test is test_grading_is_blind's (its coin) and the flaky test's below. Each real run
# costs a pytest run and its page loads (the expiry's, a 2 s wait), for every file graded.
REAL_RUNS = 1


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body))
    return path


def runs_for(exercise, runs):
    """A grading of ``exercise`` from runs of a file graded against every lab."""
    return [r for r in runs if r.variant is None or r.variant == exercise.broken[-1]]


pytestmark = pytest.mark.usefixtures("released_checker")


# Two gradings on two workers: the expiry's, whose every run waits for its cookie, and the rest
# (every other exercise, those added later among them).
EXPIRY_EXERCISES = (13,)
SOLUTIONS = {
    "expiry": EXPIRY_EXERCISES,
    "the others": tuple(e.number for e in AUTOMATION if e.number not in EXPIRY_EXERCISES),
}


@pytest.mark.long
@pytest.mark.browser
@pytest.mark.parametrize("numbers", SOLUTIONS.values(), ids=SOLUTIONS.keys())
def test_every_solution_is_solved(numbers):
    chosen = [e for e in AUTOMATION if e.number in numbers]
    jobs = [(ROOT / "solutions" / e.folder / e.file_name, e.broken) for e in chosen]
    graded = grader.grade_files(jobs, CONFIG, expiry_seconds=EXPIRY, real_runs=REAL_RUNS)
    for exercise, runs in zip(chosen, graded, strict=True):
        verdict = judge(runs, exercise.broken, grader.RUN_SECONDS, exercise.must_restart)
        assert verdict.solved, (exercise.folder, verdict.sentences)
        real = REAL_RUNS
        assert [r.variant for r in runs] == [None] * real + [*exercise.broken]
        assert all(r.green for r in runs[:real]) and all(r.red for r in runs[real:])


@pytest.mark.long
@pytest.mark.browser
def test_starters_and_a_test_that_asserts_nothing_are_not_solved(tmp_path, committed_exercises):
    empty = write(
        tmp_path,
        "test_empty.py",
        """
        def test_it(driver, lab_url):
            driver.get(lab_url)
        """,
    )
    # A starter passes on every lab: its first broken lab is enough to show it unsolved.
    committed = committed_exercises  # not the working copy: an instructor may have rehearsed
    jobs = [(committed / e.folder / e.file_name, e.broken[:1]) for e in AUTOMATION]
    # A test that asserts nothing passes everywhere: one broken lab of each exercise shows it.
    jobs.append((empty, tuple(e.broken[-1] for e in AUTOMATION)))
    *starters, nothing = grader.grade_files(
        jobs, CONFIG, expiry_seconds=EXPIRY, real_runs=REAL_RUNS
    )
    for exercise, runs in zip(AUTOMATION, starters, strict=True):
        verdict = judge(runs, exercise.broken[:1], grader.RUN_SECONDS)
        assert not verdict.solved and all(r.green for r in runs), exercise.folder
        assert verdict.sentences[0].endswith(
            f"it did not notice a lab where {BROKEN_LABS[runs[-1].variant]}"
        )
    assert all(r.green for r in nothing)
    for exercise in AUTOMATION:
        last = exercise.broken[-1:]  # the one it was graded against
        verdict = judge(runs_for(exercise, nothing), last, grader.RUN_SECONDS)
        assert not verdict.solved
        assert "caught none of the" in verdict.sentences[0]
        assert "does it assert anything?" in verdict.sentences[1]


@pytest.mark.long
@pytest.mark.browser
def test_flaky_sleepy_unloadable_and_hanging_tests_each_get_their_own_message(
    tmp_path, monkeypatch
):
    flaky = write(
        tmp_path,
        "test_flaky.py",
        """
        import os

        def test_it(driver, lab_url):
            driver.get(lab_url + "/set-cookie")
            runs = int(os.environ.get("FLAKY_RUNS", "0")) + 1
            os.environ["FLAKY_RUNS"] = str(runs)
            assert runs % 2, "the second run fails"
        """,
    )
    sleepy = write(
        tmp_path,
        "test_sleepy.py",
        """
        from time import sleep as pause

        def test_it(driver, lab_url):
            driver.get(lab_url + "/set-cookie")
            pause(0.01)
            assert driver.get_cookie("cookie_name")
        """,
    )
    unloadable = write(tmp_path, "test_unloadable.py", "\nimport no_such_module_here\n")
    exits = write(
        tmp_path, "test_exits.py", "import sys\nsys.exit(1)\n\ndef test_it(driver):\n    pass\n"
    )
    # It swallows the grader's SIGTERM: only the hard kill and the reaping by tag end it.
    hanging = write(
        tmp_path,
        "test_hanging.py",
        """
        import threading

        def test_it(driver, lab_url):
            driver.get(lab_url)
            while True:
                try:
                    threading.Event().wait()
                except BaseException:
                    pass
        """,
    )
    # Each case quick, a thousand of them: the run overstays its bound with no loop at all.
    many = write(
        tmp_path,
        "test_many.py",
        """
        import pytest

        @pytest.mark.parametrize("n", range(1000))
        def test_it(n, driver, lab_url):
            driver.get(lab_url)
        """,
    )
    env = tagged_env()
    monkeypatch.setenv(TAG, env[TAG])  # the grader's child, its driver and browser inherit it
    monkeypatch.setattr(supervisor, "GRACE_SECONDS", 1.0)
    broken = ("set-cookie-sets-nothing",)
    jobs = [(f, broken) for f in (flaky, sleepy, unloadable, hanging, exits, many)]
    # The real lab only: the first run hangs, whatever the order, and the rest are dropped.
    jobs[3], jobs[5] = (hanging, ()), (many, ())
    graded = grader.grade_files(jobs, CONFIG, run_seconds=4, expiry_seconds=EXPIRY)
    assert survivors(env) == []
    said = [" ".join(judge(runs, broken, 4).sentences) for runs in graded]
    assert said[0].startswith("your test is flaky: on the real lab it passed ")
    assert "AssertionError: the second run fails (line 8)" in said[0]
    assert said[1].startswith("your test passes on the real lab and caught the one broken lab")
    assert not judge(graded[1], broken, 4).solved
    assert "pauses with time.sleep on line 6" in said[1] and "WebDriverWait" in said[1]
    assert said[2] == (
        "your test file does not load: ModuleNotFoundError: No module named "
        "'no_such_module_here' (line 2)"
    )
    assert said[3].startswith("your test did not finish within 4 s on the real lab")
    assert [r.hung for r in graded[3]] == [True]
    # sys.exit as it loads: pytest calls that an internal error, not a file with no test.
    assert said[4] == "your test file does not load: SystemExit: 1 (line 2)"
    ran = said[5].partition(", so it was stopped after ")[2].partition(" of its 1000 tests had run")
    assert ran[0].isdigit() and ran[1], said[5]
    assert "endless loop" not in said[5] and "test fewer cases" in said[5]


def test_verdicts_name_what_was_missed_in_sentences():
    broken = ("expiry-never", "expiry-60s", "httponly-missing")
    green, red = Run(None, passed=1), Run(None, failure="AssertionError: boom (line 3)")
    caught = [Run(b, failure="AssertionError: x") for b in broken[:2]]
    verdict = judge([green, green, *caught, Run(broken[2], passed=1)], broken, 20)
    assert not verdict.solved
    assert verdict.sentences == (
        "your test passes on the real lab and caught 2 of the 3 broken labs; it did not "
        f"notice a lab where {BROKEN_LABS['httponly-missing']}",
    )
    verdict = judge([red, red], broken, 20)
    assert verdict.sentences == ("your test failed on the real lab: AssertionError: boom (line 3)",)
    hung = Run("expiry-60s", hung=True)
    verdict = judge([green, green, caught[0], hung], broken[:2], 20)
    assert "did not finish within 20 s, so it was stopped" in verdict.sentences[1]
    assert judge([green, green, *caught], broken[:2], 20).solved
    sleepy = Run(None, passed=1, sleep_line=7)
    assert not judge([sleepy, sleepy, *caught], broken[:2], 20).solved
    assert "no test" in judge([Run(None), Run(None)], broken, 20).sentences[0]
    many = Run(None, hung=True, stop=Stop(line=5, ran=312, of=400))
    assert judge([many, many], broken, 20).sentences[0] == (
        "your test did not finish within 20 s on the real lab, so it was stopped after 312 of "
        "its 400 tests had run: a run of the whole file may take 20 s, so test fewer cases (a "
        "few that differ as the lab's behaviour differs teach as much)"
    )
    few = Run(None, hung=True, stop=Stop(line=5, ran=1, of=3))  # a loop, not too many tests
    assert "on line 5: an endless loop" in judge([few, few], broken, 20).sentences[0]


def test_a_test_that_does_not_load_is_not_shown_catching_the_broken_labs():
    # It fails everywhere without testing anything: no "ok ... fails, as it should" beside it.
    from scenarios.tracks.narration import ExerciseNarrator

    out = io.StringIO()
    narration = ExerciseNarrator(out, colour=False)
    narration.graded(Run("expiry-never", load_error="ModuleNotFoundError: helpers", seconds=0.1))
    narration.graded(Run("expiry-60s", failure="AssertionError: x", seconds=0.2))
    # Stopped at its bound, or its process ended: it noticed nothing, and says so plainly.
    narration.graded(Run("expiry-60s", passed=1, hung=True, seconds=20.2))
    narration.graded(Run("expiry-60s", ended="exit status 3", seconds=0.3))
    assert out.getvalue().splitlines() == [
        "  FAIL your test on broken lab expiry-never: does not load, so it tested nothing (0.10 s)",
        "  ok   your test on broken lab expiry-60s: fails, as it should (0.20 s)",
        "  FAIL your test on broken lab expiry-60s: was stopped after 20.20 s",
        "  FAIL your test on broken lab expiry-60s: its process ended (0.30 s)",
    ]


def test_a_syntax_error_is_one_line_with_its_line_number(tmp_path):
    bad = write(tmp_path, "test_bad.py", "def test_it(driver):\n    assert (\n")
    outcome = track.grade_one(AUTOMATION[0], bad, CONFIG)
    assert not outcome.solved
    [sentence] = outcome.verdict.sentences
    assert sentence.startswith(f"{bad} has a syntax error on line 2")
    assert "\n" not in sentence


def test_the_scoreboard_shows_both_tracks():
    # `cookie-lab check` prints it (test_exercises runs that); here, what it says.
    from scenarios.content.exercises.catalog import FLASK_TRACK as FLASK

    solved = Outcome(AUTOMATION[0], None, True, verdict=Verdict(True, ()))
    unsolved = Outcome(FLASK[0], None, False, verdict=Verdict(False, ()))
    out = io.StringIO()
    scoreboard(out, [*FLASK[:2], *AUTOMATION[:2]], [unsolved, solved])
    board = out.getvalue().splitlines()[1:]
    assert board[0] == "Scoreboard: 1 of 4 solved"
    assert board[1] == "  Flask track: your app"
    assert board[2].split()[0] == "1" and board[2].endswith("  NOT SOLVED")
    assert board[3].split()[0] == "2" and board[3].endswith("  not checked")
    assert board[4] == "  Automation track: your test"
    assert board[5].split()[0] == "9" and board[5].endswith("  solved")
    assert board[6].split()[0] == "10" and board[6].endswith("  not checked")


def test_an_exercise_number_past_both_tracks_is_a_usage_error(capsys):
    last = AUTOMATION[-1].number
    assert main(["check", str(last + 1)]) == 2
    assert capsys.readouterr().err == (
        f"cookie-lab: error: unknown exercise '{last + 1}'; choose a number from 1 to {last}\n"
    )


def test_every_automation_exercise_has_a_readme_a_starter_and_a_solution(committed_exercises):
    for exercise in AUTOMATION:
        folder = ROOT / "exercises" / exercise.folder
        readme = (folder / "README.md").read_text()
        assert readme.startswith(f"# Exercise {exercise.number}: {exercise.title}\n")
        for part in ("Hint 1: a nudge", "Hint 2: the API", "Hint 3: the shape of the answer"):
            assert part in readme, (exercise.folder, part)
        # The tutorial says nothing of a second site: those lessons cite the measured table.
        source = "docs/cross-site.md" if exercise.needs_sites else "The tutorial's"
        assert f"make exercise {exercise.number}" in readme and source in readme
        for name in exercise.broken:
            assert f"`{name}`" in readme, (exercise.folder, name)
        assert "TODO" in (committed_exercises / exercise.folder / exercise.file_name).read_text()
        assert (ROOT / "solutions" / exercise.folder / exercise.file_name).is_file()


def test_headed_with_no_display_is_one_line_before_any_test(tmp_path):
    test = write(tmp_path, "test_it.py", "def test_it(driver):\n    pass\n")
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--headed", str(test), "-p", "no:cacheprovider"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, done.stdout + done.stderr
    assert done.stderr.strip() == (
        "ERROR: --headed needs a display: set DISPLAY, or run under xvfb-run"
    ), done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_the_project_suite_keeps_its_own_driver_fixture(request):
    # The plugin defines `driver` too; tests/conftest.py's must win in this suite.
    [*_, winner] = request._fixturemanager.getfixturedefs("driver", request.node)
    assert winner.func.__module__ == "conftest"
