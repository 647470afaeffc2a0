"""The run's visual report: one self-contained index.html, screenshots embedded as data: URIs,
so it opens from disk in any browser with no server.

An observer: it writes what the steps carry (Step.evidence, captured by Lab at the moment of
each step, in the browser the step ran in) and reads nothing from a browser itself.
"""

import base64
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from scenarios.errors import UsageError
from scenarios.observers import Observer

_TEMPLATES = Environment(
    loader=PackageLoader("scenarios"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _data_uri(png):
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _when(expires):
    if expires is None:
        return "session (ends with the browser)"
    return datetime.fromtimestamp(expires, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


class Report(Observer):
    def __init__(self, directory):
        self.path = Path(directory) / "index.html"

    def run_finished(self, results):
        html = _TEMPLATES.get_template("report.html").render(
            results=results,
            passed=sum(1 for r in results if r.passed),
            written=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            data_uri=_data_uri,
            when=_when,
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(html, encoding="utf-8")
        except OSError as exc:  # a full disk, say: the summary above has told the results
            raise UsageError(f"cannot write the report {self.path}: {exc.strerror}") from None
