"""Grade the learner's browser tests, one exercise after another, and keep score."""

import ast
from dataclasses import dataclass
from pathlib import Path

from scenarios.core.config import UsageError
from scenarios.show.console import Narrator
from scenarios.tracks.automation import grader
from scenarios.tracks.automation.verdict import Verdict, judge
from scenarios.tracks.narration import ExerciseNarrator, sentence, shown, wrapped

# The project's own checkout: the exercises/ and solutions/ trees sit beside scenarios/.
ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Outcome:
    exercise: object
    test_file: Path
    verdict: Verdict

    @property
    def solved(self):
        return self.verdict.solved


def grade_one(exercise, test_file, config, emit=lambda *event: None, **limits):
    """The Outcome of grading ``test_file`` for ``exercise``; ``limits`` go to grader.grade."""
    emit("exercise_started", exercise)
    shown_as = shown(test_file)
    if not test_file.is_file():
        verdict = Verdict(False, (f"expected your test in {shown_as}, but there is no such file",))
    elif (error := _syntax_error(test_file)) is not None:
        verdict = Verdict(False, (f"{shown_as} has a syntax error on line {error}",))
    else:
        on_run = lambda run: emit("graded", run)  # noqa: E731
        runs = grader.grade(test_file, exercise.broken, config, on_run, **limits)
        verdict = judge(runs, exercise.broken, limits.get("run_seconds", grader.RUN_SECONDS))
    outcome = Outcome(exercise, test_file, verdict)
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


def run(config, exercises, tree="exercises", out=None, root=ROOT):
    """Grade each of ``exercises`` in turn, each in a child process with one browser.

    As in the Flask track, the first not yet solved is narrated in full and the ones after it
    quietly, so the scoreboard says which of them are solved too."""
    if config.remote_url:
        raise UsageError("the automation track needs a local Chromium; unset COOKIE_LAB_REMOTE_URL")
    narrator = TrackNarrator(out)
    outcomes = []
    for exercise in exercises:
        test_file = root / tree / exercise.folder / exercise.file_name
        narrate = narrator.event if all(o.solved for o in outcomes) else narrator.quietly
        outcomes.append(grade_one(exercise, test_file, config, narrate))
    return outcomes


class TrackNarrator(ExerciseNarrator):
    """Each run as it ends, then the verdict in sentences."""

    def graded(self, run):
        if run.variant is None:
            mark, what = ("ok  " if run.green else "FAIL"), "the real lab"
            said = "passes" if run.green else "does not pass"
        else:
            mark, what = ("ok  " if run.red else "FAIL"), f"broken lab {run.variant}"
            said = "fails, as it should" if run.red else "passes: it did not notice"
        self._write(f"  {mark} your test on {what}: {said} ({run.seconds:.2f} s)\n")

    def exercise_finished(self, outcome):
        text = " ".join(sentence(s) for s in outcome.verdict.sentences)
        if outcome.solved:
            self._write(wrapped(f"Solved. {text}"))
            return
        readme = shown(outcome.test_file.parent / "README.md")
        self._write(
            wrapped(
                f"Not solved yet. {text} Edit {shown(outcome.test_file)} and run the check "
                f"again; the goal and the hints are in {readme}."
            )
        )


def scoreboard(out, tracks):
    """One board for both tracks: ``tracks`` is [(name, exercises, outcomes)]."""
    write = Narrator(out)._write
    every = [e for _, exercises, _ in tracks for e in exercises]
    outcomes = [o for _, _, track in tracks for o in track]
    verdicts = {o.exercise.number: "solved" if o.solved else "NOT SOLVED" for o in outcomes}
    width = max(len(e.title) for e in every)
    solved = sum(1 for o in outcomes if o.solved)
    write(f"\nScoreboard: {solved} of {len(every)} solved\n")
    for name, exercises, _ in tracks:
        if exercises:
            write(f"  {name}\n")
        for e in exercises:
            write(
                f"    {e.number:>2}  {e.title:<{width}}  {verdicts.get(e.number, 'not checked')}\n"
            )
