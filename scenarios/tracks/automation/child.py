"""The grader's child process: the learner's tests, run by pytest against the real lab and
then each broken lab, in turn, in one browser. Each run is reported as one JSON line on the
file descriptor the parent gave; the parent keeps the deadlines and reaps what is left.

    python -m scenarios.tracks.automation.child '{"test_files": [...], "runs": [[0, 0, null], ...]}'

SIGTERM (the parent's deadline) ends the current run and quits the browser before exiting.
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

from scenarios.browser.live import Browser
from scenarios.core.config import Config, UsageError
from scenarios.tracks.automation.plugin import SHARED_BROWSER, pause_after_pages


class Results:
    """A pytest plugin for one run: what passed, and the first failure in one line."""

    def __init__(self, test_file, browser):
        self.test_file = test_file
        self.browser = browser
        self.passed = 0
        self.failure = None
        self.skipped = None
        self.load_error = None

    def pytest_configure(self, config):
        config.stash[SHARED_BROWSER] = self.browser

    def pytest_runtest_logreport(self, report):
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


def pytest_args(test_file, variant, config):
    args = [
        str(test_file),
        "-q",
        "-p",
        "no:cacheprovider",
        # The learner's folder is the root: no project settings, no other tests.
        f"--rootdir={test_file.parent}",
        "-c",
        os.devnull,
        "--import-mode=importlib",
        f"--lab-expiry-seconds={config.expiry_seconds}",
        f"--slow-mo={config.slow_mo}",  # for the browser a restart opens
    ]
    return args + ([f"--lab-broken={variant}"] if variant else [])


class _Stop(KeyboardInterrupt):
    pass


def main(argv):
    spec = json.loads(argv[1])
    events = os.fdopen(spec["events_fd"], "w", buffering=1)

    def emit(**event):
        events.write(json.dumps(event) + "\n")

    stopping = []

    def stop(signum, frame):
        stopping.append(signum)
        raise _Stop()

    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, stop)
    files = [Path(f) for f in spec["test_files"]]
    sleeps = SleepWatch(files)
    try:
        config = Config.from_env(
            headless=spec["headless"],
            slow_mo=spec["slow_mo"],
            expiry_seconds=spec["expiry_seconds"],
            remote_url="",
        )
        with Browser(config) as browser:
            pause_after_pages(browser, config.slow_mo)
            emit(event="ready")
            # Each pytest run ends with two full garbage collections (its unraisable-exception
            # check): over Selenium's and the lab's objects, a third of a run's CPU. Frozen,
            # what is alive now is left out of them.
            gc.freeze()
            real_failed = set()  # a test that fails on the real lab proves nothing on a broken one
            for index, job, variant in spec["runs"]:
                if job in real_failed and variant is not None:
                    continue
                emit(event="start", run=index)
                _forget(files)
                results = Results(files[job], browser)
                pytest.main(pytest_args(files[job], variant, config), plugins=[results])
                if stopping:
                    break  # pytest took the signal as a Ctrl-C: the parent wants us gone
                outcome = results.outcome()
                if variant is None and not (outcome["passed"] and not _bad(outcome)):
                    real_failed.add(job)
                emit(event="done", run=index, sleep_line=sleeps.lines[str(files[job])], **outcome)
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


def _bad(outcome):
    return outcome["failure"] or outcome["skipped"] or outcome["load_error"]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
