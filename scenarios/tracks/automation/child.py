"""The grader's child process: the learner's tests, run by pytest once for each run the
grader planned, in one browser. It knows each run by its number only: the grader's process
serves the lab and changes it between runs (grader.py), so nothing here names the lab a run
is against. Each run is reported as JSON lines on one file descriptor the parent gave; the
parent answers "go" or "skip" on another, keeps the deadlines and reaps what is left.

    python -m scenarios.tracks.automation.child '{"test_files": [...], "runs": [[0, 0], ...],
        "config": "<Config.to_json()>", "lab_url": "http://127.0.0.1:41234", ...}'

SIGTERM (the parent's deadline) says where the run was, ends it, and quits the browser.
"""

import gc
import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path

import pytest
from _pytest.nodes import Collector
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.wait import WebDriverWait

from scenarios.browser.live import Browser
from scenarios.core.config import Config, UsageError
from scenarios.tracks.automation.plugin import LENT, Lent, prepare


class Results:
    """A pytest plugin for one run: what passed, and the first failure in one line."""

    def __init__(self, test_file, lent):
        self.test_file = test_file
        self.lent = lent
        self.passed = 0
        self.failure = None
        self.skipped = None
        self.load_error = None
        self.warnings = []
        self.ran, self.collected = 0, 0  # a run stopped at its bound says how far it got

    def pytest_collection_finish(self, session):
        self.collected = len(session.items)

    def pytest_configure(self, config):
        config.stash[LENT] = self.lent

    def pytest_warning_recorded(self, warning_message, when, nodeid, location):
        # pytest's word on the learner's own lines ("assertion is always true") is the
        # clearest there is: it goes to the learner as pytest said it.
        if warning_message.filename == str(self.test_file):
            said = f"pytest warns about line {warning_message.lineno}: {warning_message.message}"
            if said not in self.warnings:
                self.warnings.append(said)

    def pytest_runtest_logreport(self, report):
        self.ran += report.when == "teardown"
        if report.when == "call" and report.passed:
            self.passed += 1
        elif report.skipped and self.skipped is None:
            self.skipped = _first_line(str(report.longrepr[-1]) if report.longrepr else "")
        elif report.failed and self.failure is None:
            self.failure = _first_line(report.longreprtext)  # exception_interact says better

    def pytest_exception_interact(self, node, call, report):
        exc = call.excinfo.value
        if isinstance(node, Collector):
            if isinstance(exc, Collector.CollectError) and exc.__cause__ is not None:
                exc = exc.__cause__  # the learner's own SyntaxError or ImportError
            self.load_error = describe(exc, self.test_file)
        else:
            self.failure = describe(exc, self.test_file)

    def pytest_internalerror(self, excrepr, excinfo):
        # A learner's file that exits as it loads (sys.exit at module level) ends pytest's
        # collection with an internal error, not a collection error.
        self.load_error = describe(excinfo.value, self.test_file)

    def outcome(self):
        return {
            "passed": self.passed,
            "failure": self.failure,
            "skipped": self.skipped,
            "load_error": self.load_error,
            "warnings": self.warnings,
        }


def describe(exc, test_file):
    """``exc`` in one line, with the line of the learner's file it came from."""
    if isinstance(exc, SyntaxError) and exc.filename == str(test_file):
        return f"SyntaxError on line {exc.lineno}: {exc.msg}"
    if isinstance(exc, TimeoutException):
        text = "a WebDriverWait ran out of time" + (f": {exc.msg}" if exc.msg else "")
    else:
        text = f"{type(exc).__name__}: {_first_line(str(exc))}".rstrip(": ")
    ours = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(test_file)]
    return text + (f" (line {ours[-1].lineno})" if ours else "")


def _first_line(text):
    lines = [line.strip() for line in text.strip().splitlines()]
    return lines[0] if lines else ""


class SleepWatch:
    """Notes the first time.sleep called from each learner's file, however it was imported."""

    def __init__(self, test_files):
        self.lines = dict.fromkeys(map(str, test_files))
        self._sleep = time.sleep
        time.sleep = self.sleep  # `from time import sleep` in the learner's file gets it too

    def sleep(self, seconds):
        caller = sys._getframe(1).f_code.co_filename
        if caller in self.lines and self.lines[caller] is None:
            self.lines[caller] = sys._getframe(1).f_lineno
        self._sleep(seconds)


def where(frame, files):
    """Where a run stopped in ``frame`` was, in the learner's files: their innermost line, and
    whether it was sleeping or in a WebDriverWait (and its timeout); None if not in them."""
    inside = []
    while frame is not None and frame.f_code.co_filename not in files:
        inside.append(frame)
        frame = frame.f_back
    if frame is None:
        return None
    wait = next(
        (
            f.f_locals["self"]._timeout
            for f in inside
            if f.f_code.co_name in ("until", "until_not")
            and isinstance(f.f_locals.get("self"), WebDriverWait)
        ),
        None,
    )
    sleeping = wait is None and any(f.f_code is SleepWatch.sleep.__code__ for f in inside)
    return {"line": frame.f_lineno, "sleeping": sleeping, "wait_seconds": wait}


def pytest_args(test_file):
    """The same on every run: nothing in them tells one lab from another."""
    return [
        str(test_file),
        "-q",
        "-p",
        "no:cacheprovider",
        # The learner's folder is the root: no project settings, no other tests, and no
        # conftest.py (its hooks could rewrite a run's outcome).
        f"--rootdir={test_file.parent}",
        "-c",
        os.devnull,
        "--noconftest",
        "--import-mode=importlib",
    ]


class _Stop(KeyboardInterrupt):
    pass


def main(argv):
    spec = json.loads(argv[1])
    events = os.fdopen(spec["events_fd"], "w", buffering=1)
    answers = os.fdopen(spec["answers_fd"], "r")

    def emit(**event):
        events.write(json.dumps(event) + "\n")

    files = [Path(f) for f in spec["test_files"]]
    stopping = []
    running = []  # the run's Results, for the count of tests a stopped run got through

    def stop(signum, frame):
        if not stopping:
            try:
                said = where(frame, set(map(str, files))) or {}
                if running:
                    said.update(ran=running[-1].ran, of=running[-1].collected)
                emit(event="stopped", where=said or None)
            except (RuntimeError, OSError):
                pass  # caught inside a report of our own, or the parent is gone
        stopping.append(signum)
        raise _Stop()

    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, stop)
    sleeps = SleepWatch(files)
    try:
        config = Config.from_json(spec["config"])
        with Browser(config) as browser:
            prepare(browser, config)
            lent = Lent(browser, config, spec["lab_url"])
            emit(event="ready")
            # Each pytest run ends with two full garbage collections (its unraisable-exception
            # check): over Selenium's objects, a third of a run's CPU. Frozen, what is alive
            # now is left out of them.
            gc.freeze()
            for index, job in spec["runs"]:
                emit(event="start", run=index)
                answer = answers.readline().strip()
                if answer == "skip":
                    continue
                if answer != "go":
                    break  # the parent is gone
                _forget(files)
                results = Results(files[job], lent)
                running[:] = [results]
                pytest.main(pytest_args(files[job]), plugins=[results])
                if stopping:
                    break  # pytest took the signal as a Ctrl-C: the parent wants us gone
                line = sleeps.lines[str(files[job])]
                emit(event="done", run=index, sleep_line=line, **results.outcome())
    except UsageError as exc:
        emit(event="error", message=str(exc))
        return 2
    except _Stop:
        pass
    return 128 + stopping[0] if stopping else 0


def _forget(files):
    """Each run imports its file afresh, as a pytest of its own would: learners' files may
    share a name (a starter and its solution), and their modules must not be mistaken."""
    paths = set(map(str, files))
    for name, module in list(sys.modules.items()):
        if getattr(module, "__file__", None) in paths:
            del sys.modules[name]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
