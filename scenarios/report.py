"""The run's visual report: one self-contained index.html, screenshots embedded as data: URIs,
so it opens from disk in any browser with no server.

An observer: it writes what the steps carry (Step.evidence, captured by Lab at the moment of
each step, in the browser the step ran in) and reads nothing from a browser itself.
"""

import base64
import os
import tempfile
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
    NAME = "index.html"

    def __init__(self, directory):
        self.path = Path(directory) / self.NAME

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
            self._replace(html)
        except OSError as exc:  # a full disk, say: the summary above has told the results
            raise UsageError(f"cannot write the report {self.path}: {exc.strerror}") from None

    def _replace(self, html):
        """Write beside it, then rename over it: a browser showing the last report, or a
        write that fails halfway, never sees half a page."""
        fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.NAME}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(html)
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep it from a web server
            os.replace(temporary, self.path)
        except BaseException:
            os.unlink(temporary)
            raise
