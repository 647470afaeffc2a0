"""What the learner reads as exercises of either track are checked: each check's steps or
each grading run, then the verdict in full sentences; after the first unsolved, one line each."""

import textwrap
from dataclasses import replace
from pathlib import Path

from scenarios.show.console import Narrator
from scenarios.tracks.scoreboard import verdict


def shown(path):
    """``path`` as the learner would type it: relative to where they ran the check."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def sentence(text):
    """``text`` as a sentence: a capital first (not in a file's path), a stop at the end."""
    first = text.split(" ", 1)[0]
    if "/" not in first:
        text = text[:1].upper() + text[1:]
    return text if text.rstrip('"').endswith((".", "!", "?", ":")) else text + "."


class ExerciseNarrator(Narrator):
    """Each check's steps, or each run of a graded test, as they end; the verdict in full
    sentences. Quiet once an exercise of its track was not solved (see quietly)."""

    def __init__(self, stream=None, colour=True):
        super().__init__(stream, colour)
        self._quiet = False  # set once an exercise is checked quietly

    def event(self, name, *args):
        getattr(self, name)(*args)

    def exercise_started(self, exercise):
        self._write(f"\nExercise {exercise.number}: {exercise.title}\n")

    def step_finished(self, step):
        if step.passed is None:  # interrupted (Ctrl-C): neither passed nor failed
            start = "\r" if self.live else ""  # over the step's "..." line on a terminal
            self._write(f"{start}  stopped: {step.narration}\n")
            return
        if step.message:
            step = replace(step, message=wrapped(sentence(step.message)).strip())
        super().step_finished(step)

    def graded(self, run):
        """One run of the learner's test (the automation track), as it ends."""
        what = "the real lab" if run.variant is None else f"broken lab {run.variant}"
        took = f" ({run.seconds:.2f} s)"
        if run.hung or run.ended:  # it neither passed nor failed: it noticed nothing
            mark, said = "FAIL", "its process ended"
            if run.hung:
                said, took = f"was stopped after {run.seconds:.2f} s", ""
        elif run.variant is None:
            mark = "ok  " if run.green else "FAIL"
            said = "passes" if run.green else "does not pass"
        elif run.load_error:  # it failed without running: no lab was tested, none caught
            mark, said = "FAIL", "does not load, so it tested nothing"
        else:
            mark = "ok  " if run.red else "FAIL"
            said = "fails, as it should" if run.red else "passes: it did not notice"
        self._write(f"  {mark} your test on {what}: {said}{took}\n")

    def exercise_finished(self, outcome):
        # The automation track's verdict is sentences; the Flask track's, its steps above.
        said = ""
        if outcome.verdict is not None:
            said = " ".join(sentence(s) for s in outcome.verdict.sentences) + " "
        if outcome.solved:
            if outcome.verdict is not None:
                self._write(wrapped(f"Solved. {said}".rstrip()))
            else:
                self._write(f"  Solved: exercise {outcome.exercise.number} passes its check.\n")
            return
        readme = shown(outcome.file.parent / "README.md")
        self._write(
            wrapped(
                f"Not solved yet. {said}Edit {shown(outcome.file)} and run the check again; "
                f"the goal and the hints are in {readme}."
            )
        )

    def quietly(self, name, *args):
        """One line for an exercise checked after the first unsolved one."""
        if name == "exercise_started":
            if not self._quiet:
                self._quiet = True
                self._write("\nThe others, checked quietly (make exercise N shows one in full):\n")
            exercise = args[0]
            self._write(f"  Exercise {exercise.number}: {exercise.title}: ")
        elif name == "exercise_finished":
            self._write(verdict(args[0]) + "\n")


def wrapped(text):
    return textwrap.fill(text, width=100, initial_indent=" " * 7, subsequent_indent=" " * 7) + "\n"
