"""Every exercise of both tracks, read from its manifest: the module exNN_<slug>.py beside this
one, found by that name and ordered by its number. A manifest says NUMBER, SLUG, TRACK and
TITLE, then its check: ``check(lab)`` for the Flask track, the BROKEN labs the learner's test
must fail on for the automation track. Exercise N's files are in exercises/NN_<slug>/.

The manifests live in the package, not in the learner's folder: editing their exercise can
change neither a check nor a broken-lab list.
"""

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lab_app.broken import BROKEN_LABS
from scenarios.core.errors import UsageError

# The tracks, in the order a run checks them. Numbers are the order exercises were added in
# (a class's progress and the docs name them): 1-8 and 16-17 are the Flask track's.
FLASK, AUTOMATION = "flask", "automation"
TRACKS = (FLASK, AUTOMATION)

_MANIFEST = re.compile(r"ex(\d\d)_(\w+)$")
# A README's hint tiers: <details><summary>Hint 1: a nudge</summary> ... </details>
_HINT = re.compile(r"<details><summary>(.*?)</summary>(.*?)</details>", re.S)


class Hint(NamedTuple):
    title: str
    text: str


@dataclass(frozen=True)
class Exercise:
    number: int
    slug: str
    track: str
    title: str
    # The Flask track's check: it drives a browser (a Lab) against the learner's app.
    check: Callable | None = None
    # The automation track's: the broken labs (lab_app/broken.py) the learner's test must fail.
    broken: tuple[str, ...] = ()
    # Its lesson is what a browser restart ends: the test must restart it (restart_browser()).
    must_restart: bool = False
    # Its lesson is the lab on two sites (lab.localhost, other.localhost), names only a
    # browser on this machine resolves to the lab: not checked through a Grid.
    needs_sites: bool = False

    @classmethod
    def from_module(cls, module):
        return cls(
            number=module.NUMBER,
            slug=module.SLUG,
            track=module.TRACK,
            title=module.TITLE,
            check=getattr(module, "check", None),
            broken=tuple(getattr(module, "BROKEN", ())),
            must_restart=getattr(module, "MUST_RESTART", False),
            needs_sites=getattr(module, "NEEDS_SITES", False),
        )

    def __post_init__(self):
        where = f"exercise {self.number} ({self.track})"
        if self.track not in TRACKS:
            raise ValueError(f"{where}: the track is one of {TRACKS}")
        if (self.track == FLASK) != callable(self.check):
            raise ValueError(f"{where}: the Flask track's exercises have a check(lab), only they")
        unknown = set(self.broken) - set(BROKEN_LABS)
        if unknown or (self.track == AUTOMATION) != bool(self.broken):
            raise ValueError(f"{where}: broken labs {self.broken}, unknown: {sorted(unknown)}")

    def refusal(self, config):
        """Why this exercise cannot be checked with ``config``, in a sentence; None if it can."""
        if self.needs_sites and config.remote_url:
            return (
                f"exercise {self.number} cannot be checked through --remote-url: its lesson "
                "needs the lab as lab.localhost and other.localhost, names a remote browser "
                "resolves to its own machine; check it without --remote-url"
            )
        return None

    @property
    def folder(self):
        return f"{self.number:02d}_{self.slug}"

    @property
    def file_name(self):
        """The learner's file in the exercise's folder: their app, or their test."""
        return "app.py" if self.track == FLASK else f"test_{self.slug}.py"

    def hints(self, tree):
        """The hint tiers of the README in ``tree`` (an exercises folder), the gentlest first."""
        readme = (tree / self.folder / "README.md").read_text()
        return [Hint(title.strip(), text.strip()) for title, text in _HINT.findall(readme)]


class ManifestError(UsageError, ValueError):
    """A manifest the checker cannot read: the command line says it in one line and exits 2
    (cli/__init__.py), as for any usage error; still a ValueError for code that builds one."""


def _manifests(package_name=__package__):
    package = importlib.import_module(package_name)
    for module in pkgutil.iter_modules(package.__path__):
        if named := _MANIFEST.match(module.name):
            path = Path(module.module_finder.path) / f"{module.name}.py"
            try:
                exercise = _read(f"{package_name}.{module.name}", named)
            # What an edit leaves there: a field that contradicts another, or is missing, or
            # of the wrong kind; a name it never defined; Python that does not parse.
            except (ValueError, AttributeError, TypeError, NameError, SyntaxError) as exc:
                raise ManifestError(
                    f"the exercise manifest {path} is broken ({exc}): restore it with "
                    "`git checkout scenarios/`"
                ) from None
            yield exercise


def _read(name, named):
    exercise = Exercise.from_module(importlib.import_module(name))
    if (exercise.number, exercise.slug) != (int(named[1]), named[2]):
        raise ValueError(f"it describes exercise {exercise.folder}")
    return exercise


def _in_order(exercises):
    """Numbered from 1 on with no gap; in a run's order: each track's in number order, the
    Flask track's first."""
    numbers = sorted(e.number for e in exercises)
    if numbers != list(range(1, len(numbers) + 1)):
        raise ManifestError(
            "the exercise manifests (scenarios/content/exercises/exNN_*.py) are numbered from 1 "
            "on, with no gap: restore them with `git checkout scenarios/`"
        )
    return tuple(sorted(exercises, key=lambda e: (TRACKS.index(e.track), e.number)))


EXERCISES = _in_order(tuple(_manifests()))
FLASK_TRACK = tuple(e for e in EXERCISES if e.track == FLASK)
AUTOMATION_TRACK = tuple(e for e in EXERCISES if e.track == AUTOMATION)
BY_NUMBER = {e.number: e for e in EXERCISES}


def select(numbers):
    """Exercises by number, each track's in the order given, the Flask track's first; every
    one of both tracks when none is named."""
    if not numbers:
        return list(EXERCISES)
    chosen = []
    for text in dict.fromkeys(numbers):
        if not text.isdigit() or int(text) not in BY_NUMBER:
            last = len(BY_NUMBER)
            raise UsageError(f"unknown exercise {text!r}; choose a number from 1 to {last}")
        chosen.append(BY_NUMBER[int(text)])
    return sorted(chosen, key=lambda e: TRACKS.index(e.track))  # stable: the order given stays
