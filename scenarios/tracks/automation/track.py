"""The automation track: grade the learner's browser test, one exercise after another, on the
real lab and on the exercise's broken labs (grader), and judge the runs (verdict)."""

import ast
from contextlib import contextmanager

from scenarios.browser.remote import answering
from scenarios.tracks.automation import grader
from scenarios.tracks.automation.verdict import Verdict, judge
from scenarios.tracks.narration import shown
from scenarios.tracks.outcome import Outcome


@contextmanager
def checker(config):
    """check(exercise, test_file, emit) -> Outcome, for each automation exercise."""
    if config.remote_url:
        # Said here, in one line, rather than as a grading child that never got ready.
        answering(config.remote_url, config.page_load_seconds)
    yield lambda exercise, test_file, emit: grade_one(exercise, test_file, config, emit)


def grade_one(exercise, test_file, config, emit=lambda *event: None, **limits):
    """The Outcome of grading ``test_file`` for ``exercise``; ``limits`` go to the grader.

    Each exercise has a grading child of its own, so that each is narrated as it is graded.
    """
    emit("exercise_started", exercise)
    shown_as, runs = shown(test_file), []
    if not test_file.is_file():
        verdict = Verdict(False, (f"expected your test in {shown_as}, but there is no such file",))
    elif (error := _syntax_error(test_file)) is not None:
        verdict = Verdict(False, (f"{shown_as} has a syntax error on line {error}",))
    else:
        on_run = lambda run: emit("graded", run)  # noqa: E731
        jobs = [(test_file, exercise.broken)]
        [runs] = grader.grade_files(jobs, config, on_run, **limits)
        run_seconds = limits.get("run_seconds", grader.RUN_SECONDS)
        verdict = judge(runs, exercise.broken, run_seconds, exercise.must_restart)
    outcome = Outcome(exercise, test_file, verdict.solved, verdict=verdict, runs=runs)
    emit("exercise_finished", outcome)
    return outcome


def _syntax_error(test_file):
    try:
        ast.parse(test_file.read_bytes(), str(test_file))
    except SyntaxError as exc:
        return f"{exc.lineno}: {exc.msg}"
    except ValueError as exc:  # null bytes
        return f"?: {exc}"
    return None
