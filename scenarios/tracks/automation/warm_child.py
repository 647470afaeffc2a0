"""The watcher's grading child: child.py's runs, but it stays, with its browser, and takes a
new grading on each of the learner's saves (tracks/automation/warm.py is its parent).

    python -m scenarios.tracks.automation.warm_child '{"config": "<Config.to_json()>",
        "lab_url": "http://127.0.0.1:41234", "events_fd": 5, "answers_fd": 6}'

After "ready" it reads one grading a line, {"id": 3, "test_files": [...], "runs": [[0, 0],
...]}, and runs each as child.py does: "start", the parent's "go" or "skip", pytest, "done";
then "idle". Every event names its grading's id, so the parent can drop a late one. It knows
the runs by number only, as child.py does: the parent serves the lab and changes it.

SIGUSR1 cancels the grading in flight (a new save, or a run past its deadline): it says where
the run was ("stopped"), ends it as a Ctrl-C ends pytest, says "cancelled" and waits for the
next grading. SIGTERM ends the child as it ends child.py's.
"""

import gc
import json
import os
import signal
import sys
from pathlib import Path

import pytest

from scenarios.browser.live import Browser
from scenarios.core.config import Config, UsageError
from scenarios.tracks.automation.child import Results, SleepWatch, _forget, pytest_args, where
from scenarios.tracks.automation.plugin import Lent, prepare
from scenarios.tracks.automation.watches import DriveWatch


def _quicker(test_file):
    """Arguments that spare pytest much of its own time in a run, the same on every run: no
    walk of each folder from / down to the learner's (collection starts at its folder; no
    conftest.py is read anyway), and no pytest-xdist (its options, for a test that cannot
    use them)."""
    return [f"--confcutdir={test_file.parent}", "-p", "no:xdist", "-p", "no:xdist.looponfail"]


class _Cancel(KeyboardInterrupt):
    """Raised by SIGUSR1 during a grading: pytest ends its run as for a Ctrl-C."""


class _Stop(KeyboardInterrupt):
    pass


class Server:
    """Gradings, one a line, in one browser, reported as JSON lines (one write each: a
    signal's report cannot cut into another's line)."""

    def __init__(self, events_fd, answers):
        self.events_fd, self.answers = events_fd, answers
        self.grading = None  # its id while one is in flight
        # The parent's word for the run in progress (its "go" gives it): every report of the
        # run carries it, so a line the learner's test writes on the pipe is told from ours.
        self._nonce = None
        self.cancelled = False
        self.stopping = []
        self.files = set()
        self.seen = set()  # every learner's file graded: a later one may share its name
        self.sleeps = SleepWatch([])

    def emit(self, **event):
        if self.grading is not None:
            event["grading"] = self.grading
        if self._nonce:
            event["nonce"] = self._nonce
        os.write(self.events_fd, json.dumps(event).encode() + b"\n")

    def cancel(self, signum, frame):
        if self.grading is None:
            return  # between gradings: nothing to cancel
        try:
            self.emit(event="stopped", where=where(frame, self.files))
        except OSError:
            pass  # the parent is gone
        self.cancelled = True  # pytest takes the Ctrl-C as the run's end, and returns
        raise _Cancel()

    def stop(self, signum, frame):
        self.stopping.append(signum)
        raise _Stop()

    def serve(self, lent):
        while line := self.answers.readline():
            if not line.startswith("{"):
                continue  # an answer to a grading already cancelled
            request = json.loads(line)
            self.grading, self.cancelled = request["id"], False
            try:
                self._grade(lent, [Path(f) for f in request["test_files"]], request["runs"])
                self.emit(event="idle")
            except _Cancel:
                self.emit(event="cancelled")
            finally:
                self.grading, self._nonce = None, None

    def _grade(self, lent, files, runs):
        self.files = set(map(str, files))
        self.seen |= self.files
        self.sleeps.lines = dict.fromkeys(self.files)
        self.sleeps.calls = dict.fromkeys(self.files)
        for index, job in runs:
            self.emit(event="start", run=index)
            answer, _, self._nonce = self.answers.readline().strip().partition(" ")
            if answer == "skip":
                continue
            if answer == "cancel":  # the parent cancelled before it could signal
                raise _Cancel()
            if answer != "go":
                raise _Stop()  # the parent is gone
            _forget(self.seen)
            results = Results(files[job], lent)
            restarts = lent.browser.restarts
            lent.drives.drove = False
            pytest.main([*pytest_args(files[job]), *_quicker(files[job])], plugins=[results])
            if self.stopping:
                raise _Stop()
            if self.cancelled:
                raise _Cancel()
            name = str(files[job])
            outcome = results.outcome() | {
                "sleep_line": self.sleeps.lines[name],
                "sleep_call": self.sleeps.calls[name],
                "restarted": lent.browser.restarts > restarts,
                "drove": lent.drives.drove,
            }
            self.emit(event="done", run=index, **outcome)
            self._nonce = None


def main(argv):
    spec = json.loads(argv[1])
    server = Server(spec["events_fd"], os.fdopen(spec["answers_fd"], "r"))
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, server.stop)
    signal.signal(signal.SIGUSR1, server.cancel)
    try:
        config = Config.from_json(spec["config"])
        with Browser(config) as browser:
            prepare(browser, config)
            drives = DriveWatch()
            browser.add_command_listener(before=drives.hear)
            server.emit(event="ready")
            gc.freeze()  # as child.py: pytest's collections need not walk Selenium's objects
            server.serve(Lent(browser, config, spec["lab_url"], drives))
    except UsageError as exc:
        server.emit(event="error", message=str(exc))
        return 2
    except _Stop:
        pass
    return 128 + server.stopping[0] if server.stopping else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
