"""What one run of a learner's tests against one lab came to, as the grader recorded it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Stop:
    """Where a run stopped at its deadline was: the learner's line, and in what."""

    line: int | None = None
    sleeping: bool = False
    wait_seconds: float | None = None
    ran: int | None = None  # of its ``of`` tests, how many had finished
    of: int | None = None


@dataclass
class Run:
    """One run of the learner's tests against one lab; ``variant`` None is the real lab."""

    variant: str | None
    passed: int = 0
    failure: str | None = None
    skipped: str | None = None
    load_error: str | None = None
    sleep_line: int | None = None
    # What paused there: "time.sleep", or "an Event's wait".
    sleep_call: str = "time.sleep"
    # The line of the learner's file that called os.fork, if one did.
    fork_line: int | None = None
    # The checker's browser died or froze during this run, not by the test's doing ("it
    # died (...)"): the run was done again on a new browser, and this is that run.
    browser_trouble: str | None = None
    # pytest's own warnings about the learner's file ("assertion is always true"), in lines.
    warnings: tuple[str, ...] = ()
    # Stopped at its deadline (and where, when the child could say); or the child ended
    # mid-run (the learner's code exited).
    hung: bool = False
    stop: Stop | None = None
    ended: str | None = None
    # A conftest.py beside the test, which grading does not load.
    conftest_ignored: bool = False
    # The test restarted the browser (restart_browser()) in this run.
    restarted: bool = False
    # Whether the run's tests loaded a page in the browser (None: the run did not report).
    drove: bool | None = None
    # The test wrote a line of its own on the checker's events pipe: nothing it did counts.
    forged: bool = False
    seconds: float = 0.0

    @property
    def green(self):
        """Every test passed, and there was at least one."""
        return bool(self.passed) and not (
            self.failure
            or self.skipped
            or self.load_error
            or self.hung
            or self.ended
            or self.forged
        )

    @property
    def red(self):
        """It failed: a failed test, or a file that does not load."""
        return bool(self.failure or self.load_error) and not (
            self.hung or self.ended or self.forged
        )
