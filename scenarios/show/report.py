"""The run's visual report: one self-contained HTML file, screenshots embedded as data: URIs,
so it opens from disk in any browser with no server.

An observer: it writes what the steps carry (Step.evidence, captured by Lab at the moment of
each step, in the browser the step ran in) and reads nothing from a browser itself. A class's
full report is not lost to a later, smaller run: a run that covers less than the folder's
index.html writes beside it, and says where.
"""

import re
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from scenarios.core import atomic
from scenarios.core.observers import Observer
from scenarios.core.records import Result

_TEMPLATES = Environment(
    loader=PackageLoader("scenarios.show"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_TEMPLATES.filters["yesno"] = lambda value: "yes" if value else "no"
_TEMPLATES.filters["squeeze"] = lambda text: _RUN.sub(_squeezed, text)
# A character repeated 40 times or more: the size lesson's 4 kB of x, which says nothing more
# at full length and would stretch the report over thousands of pixels.
_RUN = re.compile(r"(.)\1{39,}")
# Which scenarios a report covers, read back by the next run (the template writes it).
_COVERS = re.compile(r'<meta name="cookie-lab-scenarios" content="([^"]*)">')


def _squeezed(run):
    return f"{run.group(1) * 10}…({len(run.group(0))} × {run.group(1)})…"


def _when(expires):
    if expires is None:
        return "session (ends with the browser)"
    return datetime.fromtimestamp(expires, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Report(Observer):
    NAME = "index.html"

    def __init__(self, directory):
        self.directory = Path(directory)
        self.path = self.directory / "index.html"  # where it went, once written
        self.kept = None  # (the folder's index.html, how many scenarios it covers) if kept
        self._results = []
        self._current = None

    def scenario_started(self, scenario):
        self._current = Result(scenario, interrupted=True)

    def step_finished(self, step):
        if self._current is not None:
            self._current.steps.append(step)

    def scenario_finished(self, result):
        self._results.append(result)
        self._current = None

    def run_finished(self, results):
        self.write()

    def write(self, interrupted=False):
        """Write what the run has finished; interrupted, the scenario it stopped too."""
        results = list(self._results)
        if interrupted and self._current is not None:
            results.append(self._current)
        covers = [r.scenario.name for r in results]
        self.path, self.kept = _destination(self.directory, covers, interrupted)
        html = _TEMPLATES.get_template("report.html").render(
            results=results,
            covers=covers,
            interrupted=interrupted,
            # The instructor's q: the scenario it stopped in did not pass, and no more ran.
            stopped=any(r.stopped for r in results),
            passed=sum(1 for r in results if r.passed and not r.stopped),
            written=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            when=_when,
        )
        atomic.write(self.path, html, "the report")

    def where(self):
        """Where the report went, in words; and which report it left alone, if it did."""
        said = str(self.path.resolve())
        if self.kept is not None:
            index, count = self.kept
            said += (
                f"\n  (it covers less than the report already there, which is kept: {index}, "
                f"of {count} scenario{'s' if count != 1 else ''})"
            )
        return said


def _destination(directory, covers, interrupted):
    """index.html, unless the one there covers a scenario this run does not: then beside it."""
    index = directory / "index.html"
    try:
        found = _COVERS.search(index.read_text(encoding="utf-8", errors="replace")[:4096])
    except OSError:  # none yet (or a folder in its way: writing it will say so)
        found = None
    kept = set(found.group(1).split()) if found else set()
    if kept <= set(covers):
        return index, None
    if interrupted:
        name = "interrupted"
    elif len(covers) <= 3:
        name = "only-" + "+".join(covers)
    else:
        name = f"only-{covers[0]}-and-{len(covers) - 1}-more"
    return directory / f"{name}.html", (index, len(kept))
