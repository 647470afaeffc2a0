"""Where the learner's files are: the exercises/ folder of the checkout they work in, found
from the working directory up, or the one they name with --exercises. Never the checkout
that installed this package: a second clone sharing one .venv checks its own files."""

from pathlib import Path

from scenarios.content.exercises.catalog import EXERCISES
from scenarios.core.errors import UsageError

# By number, as a listing shows them: EXERCISES is in a run's order, track by track.
FOLDERS = sorted(e.folder for e in EXERCISES)


def is_tree(folder):
    """Whether ``folder`` holds exercises: one folder at least named as one (01_set_a_cookie)."""
    return folder.is_dir() and any((folder / e.folder).is_dir() for e in EXERCISES)


def find(start):
    """The exercises/ folder in ``start`` or the nearest folder above it that has one."""
    for folder in (start, *start.parents):
        if is_tree(folder / "exercises"):
            return folder / "exercises"
    raise UsageError(
        f"no exercises/ folder in {start} or above it: run the check in your checkout of "
        "cookie-lab, or give --exercises DIR"
    )


def tree(exercises=None, solutions=False, start=None):
    """The folder to check: ``exercises`` (--exercises DIR) or the one found from ``start``
    (the working directory); with ``solutions``, the reference solutions beside it."""
    if exercises is None:
        found = find((start or Path.cwd()).absolute())
    elif is_tree(exercises):
        found = exercises.absolute()
    else:
        raise UsageError(
            f"--exercises {exercises}: not an exercises folder (none of "
            f"{FOLDERS[0]}/ to {FOLDERS[-1]}/ is in it)"
        )
    if not solutions:
        return found
    beside = found.parent / "solutions"
    if not is_tree(beside):
        raise UsageError(f"--solutions: no solutions/ folder beside {found}")
    return beside
