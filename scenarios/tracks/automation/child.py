"""The grader's child process: the learner's tests, run by pytest once for each run the
grader planned, in one browser. It knows each run by its number only: the grader's process
serves the lab and changes it between runs (grader.py), so nothing here names the lab a run
is against. Each run is reported as JSON lines on one file descriptor the parent gave; the
parent answers "go" or "skip" on another, keeps the deadlines and reaps what is left.

    python -m scenarios.tracks.automation.child '{"test_files": [...], "runs": [[0, 0], ...],
        "config": "<Config.to_json()>", "lab_url": "http://127.0.0.1:41234", ...}'

SIGTERM (the parent's deadline) says where the run was, ends it, and quits the browser.
It runs in a box (core/isolation.py), and ends with os._exit: a learner's thread that never
ends cannot keep it alive, nor can a copy of it (os.fork) talk to the parent.
"""

import gc
import json
import os
import signal
import sys
import traceback
from pathlib import Path

import pytest
from _pytest.nodes import Collector
from selenium.common.exceptions import TimeoutException

from scenarios.browser.live import Browser
from scenarios.browser.pending import LEFT_ON_GRID
from scenarios.core.config import Config, UsageError
from scenarios.core.isolation import enter
from scenarios.tracks.automation.plugin import LENT, Lent, prepare
from scenarios.tracks.automation.watches import (
    DriveWatch,
    ForkWatch,
    Health,
    SleepWatch,
    where,
)


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
    enter()  # this process is the learner's, in its box; the keeper and init wait outside
    spec = json.loads(argv[1])
    events = os.fdopen(spec["events_fd"], "w", buffering=1)
    answers = os.fdopen(spec["answers_fd"], "r")
    files = [Path(f) for f in spec["test_files"]]
    forks = ForkWatch(files, (spec["events_fd"], spec["answers_fd"]))

    # The parent's word for the run in progress, given with its "go": every report of the run
    # carries it, so a line the learner's test writes on the events pipe is told from ours.
    # Only here, in this closure: not in argv, the environment or a file the test can read.
    nonce = None

    def emit(**event):
        if nonce:
            event["nonce"] = nonce
        if not forks.copy:
            events.write(json.dumps(event) + "\n")

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
            browser.add_command_listener(before=forks.guard)
            drives = DriveWatch()
            browser.add_command_listener(before=drives.hear)
            health = Health(browser)
            lent = Lent(browser, config, spec["lab_url"], drives)
            emit(event="ready")
            # Each pytest run ends with two full garbage collections (its unraisable-exception
            # check): over Selenium's objects, a third of a run's CPU. Frozen, what is alive
            # now is left out of them.
            gc.freeze()
            runs, repeated = list(spec["runs"]), set()
            while runs:
                index, job = runs.pop(0)
                emit(event="start", run=index)
                answer, _, nonce = answers.readline().strip().partition(" ")
                if answer == "skip":
                    continue
                if answer != "go":
                    break  # the parent is gone
                _forget(files)
                results = Results(files[job], lent)
                health.quit = False
                running[:] = [results]
                restarts = browser.restarts
                drives.drove = False
                pytest.main(pytest_args(files[job]), plugins=[results])
                if forks.copy:
                    os._exit(0)  # the learner's copy of this process, back from its test
                if stopping:
                    break  # pytest took the signal as a Ctrl-C: the parent wants us gone
                died = health.dead()
                if died:
                    browser.relaunch()  # the next run needs a browser, whoever ended it
                    if not health.quit and index not in repeated:
                        # The lab's fault, not the test's: the run is void, and done again.
                        repeated.add(index)
                        emit(event="browser_died", run=index, why=died)
                        nonce = None
                        runs.insert(0, [index, job])
                        continue
                line = sleeps.lines[str(files[job])]
                fork = forks.lines[str(files[job])]
                outcome = results.outcome() | {"sleep_line": line, "fork_line": fork}
                outcome["restarted"] = browser.restarts > restarts
                outcome["drove"] = drives.drove
                outcome["sleep_call"] = sleeps.calls[str(files[job])]
                emit(event="done", run=index, **outcome)
                nonce = None
    except UsageError as exc:
        emit(event="error", message=str(exc))
        return 2
    except _Stop as exc:
        # Its Grid session may outlive it (browser/pending.py): the parent says so (stderr's
        # last line reaches it, supervisor.py).
        if LEFT_ON_GRID in getattr(exc, "__notes__", ()):
            print(LEFT_ON_GRID, file=sys.stderr, flush=True)
    return 128 + stopping[0] if stopping else 0


def _forget(files):
    """Each run imports its file afresh, as a pytest of its own would: learners' files may
    share a name (a starter and its solution), and their modules must not be mistaken."""
    paths = set(map(str, files))
    for name, module in list(sys.modules.items()):
        if getattr(module, "__file__", None) in paths:
            del sys.modules[name]


if __name__ == "__main__":
    status = main(sys.argv)
    # Not sys.exit: Python would wait for the learner's threads that never end.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
