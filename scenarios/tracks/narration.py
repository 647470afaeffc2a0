"""What the learner reads: each check's steps, a failure in full sentences, the scoreboard."""

import textwrap
from dataclasses import replace
from pathlib import Path

from scenarios.show.console import Narrator


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
    """Each check's steps as they run; a failure in full sentences, then the scoreboard."""

    def __init__(self, stream=None):
        super().__init__(stream)
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

    def exercise_finished(self, outcome):
        if outcome.solved:
            self._write(f"  Solved: exercise {outcome.exercise.number} passes its check.\n")
            return
        readme = shown(outcome.app_file.parent / "README.md")
        self._write(
            wrapped(
                f"Not solved yet. Edit {shown(outcome.app_file)} and run the check again; "
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
            self._write(_verdict(args[0]) + "\n")

    def scoreboard(self, exercises, outcomes):
        verdicts = {o.exercise.number: _verdict(o) for o in outcomes}
        width = max(len(e.title) for e in exercises)
        solved = sum(1 for o in outcomes if o.solved)
        self._write(f"\nScoreboard: {solved} of {len(exercises)} solved\n")
        for e in exercises:
            self._write(
                f"  {e.number:>2}  {e.title:<{width}}  {verdicts.get(e.number, 'not checked')}\n"
            )


def _verdict(outcome):
    return "solved" if outcome.solved else "NOT SOLVED"


def wrapped(text):
    return textwrap.fill(text, width=100, initial_indent=" " * 7, subsequent_indent=" " * 7) + "\n"
