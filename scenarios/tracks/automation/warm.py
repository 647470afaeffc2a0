"""The automation track kept warm for the watcher: one grading child (warm_child.py) with its
browser for the whole session, graded again on each save, with the grader's guarantees: the
labs served from this process at one address, runs known to the child by number only, the
real lab's runs shuffled among the broken ones afresh for each grading, every run bounded."""

import json
import os
import signal
import time

from scenarios.core.errors import UsageError
from scenarios.tracks.automation.grader import Grading
from scenarios.tracks.automation.run import Stop
from scenarios.tracks.automation.supervisor import GRACE_SECONDS, Child

CANCELLED = "cancelled"
_SLICE = 0.1  # how often a wait on the child looks at whether the watcher cancelled


class WarmChild(Child):
    """A warm_child process, and the id of the grading it was last sent."""

    def __init__(self, config, lab_url):
        spec = {"config": config.to_json(), "lab_url": lab_url}
        super().__init__(spec, module="scenarios.tracks.automation.warm_child")
        self.grading = 0

    def request(self, test_files, runs):
        self.grading += 1
        self.send(json.dumps({"id": self.grading, "test_files": test_files, "runs": runs}))

    def next_event(self, deadline):
        """The next event of the current grading: a cancelled one's late words are dropped."""
        while (event := super().next_event(deadline)).get("grading", self.grading) != self.grading:
            pass
        return event

    def cancel(self):
        try:
            os.kill(self.process.pid, signal.SIGUSR1)  # the child alone: not what it started
        except ProcessLookupError:
            pass


class WarmGrading(Grading):
    """One grading's runs, from a warm child that outlives it; cancel() from another thread."""

    cancel_at = None  # when the watcher cancelled it

    def cancel(self, child):
        self.cancel_at = time.monotonic()
        child.cancel()

    def follow(self, child):
        """(None | the run stopped in | CANCELLED, whether the child must be replaced)."""
        current, started, hang_at, where = None, 0.0, None, None
        deadline = time.monotonic() + self.run_seconds
        while True:
            now = time.monotonic()
            if self.cancel_at is not None and now > self.cancel_at + GRACE_SECONDS:
                return CANCELLED, True  # the learner's code swallowed the interrupt
            if hang_at is not None and now > hang_at + GRACE_SECONDS:
                self._finish(self._run(current, hung=True), current, started)
                return current, True
            event = child.next_event(min(deadline, now + _SLICE))
            kind = event["event"]
            if self._forged(event, current, ("start", "stopped", "cancelled", "idle")):
                return self._void(current, started, 0), True
            if kind == "error":
                raise UsageError(event["message"])
            if kind == "timeout" and time.monotonic() >= deadline and hang_at is None:
                if current is None:
                    raise UsageError("the grader's test process stopped answering")
                hang_at = time.monotonic()  # past its deadline: stopped, as a save stops it
                child.cancel()
            elif kind == "start" and self.cancel_at is not None:
                child.send("cancel")  # it may have been sent the grading after the signal
            elif kind == "start":
                if not self._start(child, event["run"]):
                    continue
                current, started = event["run"], time.monotonic()
                deadline = started + self.run_seconds
            elif kind == "done":
                self._finish(self._reported(current, event), current, started)
                current, deadline = None, time.monotonic() + self.run_seconds
            elif kind == "stopped":
                where = event["where"]
            elif kind == "cancelled":
                if self.cancel_at is not None or current is None:
                    return CANCELLED, False
                run = self._run(current, hung=True, stop=Stop(**where) if where else None)
                self._finish(run, current, started)
                return current, False
            elif kind == "idle":
                return None, False
            elif kind == "exit":
                if current is None:
                    why = child.last_words() or "no reason given"
                    raise UsageError(f"the grader's test process failed: {why}")
                self._finish(
                    self._run(current, ended=f"exit status {event['status']}"), current, started
                )
                return current, True
