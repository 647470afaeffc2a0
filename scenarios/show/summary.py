"""The run's last screen, in the browser the class watched: every scenario, its steps passed
out of its own count, its verdict, and where the report went. It stays up until the
instructor ends it (Enter or q in the terminal; Enter, q or Escape in the page; closing the
window) or its time runs out, so a projector never goes dark on the last step.
"""

import time

from jinja2 import Environment, PackageLoader, select_autoescape

_TEMPLATES = Environment(loader=PackageLoader("scenarios.show"), autoescape=select_autoescape())

# Loads the summary into the page the browser shows, and hears the instructor's keys.
_SHOW = """
document.open();
document.write(arguments[0]);
document.close();
window.cookieLabDone = false;
addEventListener("keydown", (e) => {
  if (["Enter", "q", "Escape"].includes(e.key)) window.cookieLabDone = true;
}, true);
"""
_ASKED = "return window.cookieLabDone === true;"
POLL_SECONDS = 0.15


def verdict(result):
    if getattr(result, "skipped", None):
        return "skip"
    if getattr(result, "stopped", False):
        return "stopped" if result.passed else "FAIL"
    return "pass" if result.passed else "FAIL"


def render(results, report=None, seconds=None):
    """The summary page's HTML; ``seconds``: how long it stays up, when bounded."""
    rows = [
        {
            "name": r.scenario.name,
            "passed": sum(1 for s in r.steps if s.passed),
            "total": max(getattr(r.scenario, "steps", None) or 0, len(r.steps)),
            "verdict": verdict(r),
            "why": next((s.message for s in r.steps if s.passed is False), r.skipped or ""),
        }
        for r in results
    ]
    counts = {v: sum(1 for row in rows if row["verdict"] == v) for v in ("pass", "FAIL")}
    return _TEMPLATES.get_template("summary.html").render(
        rows=rows, counts=counts, report=report, seconds=seconds
    )


def hold(driver, html, seconds, terminal, cancel):
    """Show ``html`` in ``driver``'s page until the instructor ends it, ``seconds`` pass
    (None: no bound) or ``cancel`` is set. ``terminal``: the queue of lines typed, or None."""
    driver.execute_script(_SHOW, html)
    deadline = None if seconds is None else time.monotonic() + seconds
    while deadline is None or time.monotonic() < deadline:
        if terminal is not None and not terminal.empty():
            return
        try:
            if driver.execute_script(_ASKED):
                return
        except Exception:  # noqa: BLE001 - the window was closed: the instructor ended it
            return
        if cancel.wait(POLL_SECONDS):
            return
