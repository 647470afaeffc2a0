"""Check the learner's exercises, both tracks the same way, and keep score: each exercise's
track (its manifest says which) has a checker, and one narration and one scoreboard say it."""

import sys
import time
from itertools import groupby

from scenarios.content.exercises.catalog import AUTOMATION, FLASK
from scenarios.core.errors import UsageError
from scenarios.tracks.automation import track
from scenarios.tracks.flask_track import workshop
from scenarios.tracks.narration import ExerciseNarrator
from scenarios.tracks.scoreboard import scoreboard

# Each a context manager: refuses what it cannot check with, holds what the track shares
# (the Flask track's one browser), and gives check(exercise, file, emit) -> Outcome.
CHECKERS = {FLASK: workshop.checker, AUTOMATION: track.checker}


def run(config, exercises, tree, out=None, named=True):
    """Check each of ``exercises`` (the Flask track's first, as catalog.select gives them) on
    the learner's files in ``tree``, an exercises folder; return their Outcomes.

    In each track the first not yet solved is narrated in full, for it is the one to work on
    next; the ones after it are checked quietly, so the scoreboard says which are solved too.
    Ones ``config`` cannot check (cross-site ones through a Grid) are refused, one line, exit
    2, when ``named``; else left out with a note, and the scoreboard says "not checked".
    """
    out = out or sys.stdout
    refused = [exercise for exercise in exercises if exercise.refusal(config)]
    if refused and named:  # before any check: one line, exit 2
        raise UsageError(refused[0].refusal(config))
    if refused:
        which = (
            f"exercises {_numbers(refused)} need"
            if refused[1:]
            else (f"exercise {refused[0].number} needs")
        )
        out.write(f"{which} a browser on this machine: not checked through the Grid\n")
    outcomes = []
    checked = [exercise for exercise in exercises if exercise not in refused]
    for name, chosen in groupby(checked, key=lambda e: e.track):
        # A narrator each: each track narrates its own first unsolved exercise in full.
        narrator, done = ExerciseNarrator(out, config.colour), []
        with CHECKERS[name](config) as check:
            for exercise in chosen:
                narrate = narrator.event if all(o.solved for o in done) else narrator.quietly
                learner_file = tree / exercise.folder / exercise.file_name
                started = time.monotonic()
                done.append(check(exercise, learner_file, narrate))
                done[-1].seconds = time.monotonic() - started
        outcomes += done
    scoreboard(out, exercises, outcomes)
    return outcomes


def _numbers(exercises):
    """16-19 for a run of numbers, else 16, 18."""
    numbers = [exercise.number for exercise in exercises]
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}"
    return ", ".join(map(str, numbers))
