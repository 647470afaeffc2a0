"""Grade a learner's browser test: it must pass on the real lab, twice, and fail on each of
the exercise's broken labs. Every run is bounded; a run that overstays is stopped and the
rest go on in a new child."""

import time
from dataclasses import dataclass

from scenarios.core.config import UsageError
from scenarios.tracks.automation.supervisor import Child

# How long the child may take to start its browser, and each run of the learner's tests.
STARTUP_SECONDS = 30.0
RUN_SECONDS = 20.0
# The expiring cookie's life while grading: short, so the expiry exercise waits little.
EXPIRY_SECONDS = 3


@dataclass
class Run:
    """One run of the learner's tests against one lab; ``variant`` None is the real lab."""

    variant: str | None
    passed: int = 0
    failure: str | None = None
    skipped: str | None = None
    load_error: str | None = None
    sleep_line: int | None = None
    # Stopped at its deadline; or the child ended mid-run (the learner's code exited).
    hung: bool = False
    ended: str | None = None
    seconds: float = 0.0

    @property
    def green(self):
        """Every test passed, and there was at least one."""
        return bool(self.passed) and not (
            self.failure or self.skipped or self.load_error or self.hung or self.ended
        )

    @property
    def red(self):
        """It failed: a failed test, or a file that does not load."""
        return bool(self.failure or self.load_error) and not (self.hung or self.ended)


def grade(test_file, broken, config, on_run=lambda run: None, **limits):
    """Run ``test_file`` on the real lab twice, then on each broken lab; return the Runs.

    ``on_run`` hears of each run as it ends. A failure on the real lab ends grading early:
    a test that fails there proves nothing on a broken one.
    """
    return grade_files([(test_file, broken)], config, on_run, **limits)[0]


def grade_files(jobs, config, on_run=lambda run: None, **limits):
    """grade() for each (test_file, broken) of ``jobs``, in one child and one browser while
    no run overstays; return a list of Runs for each job."""
    run_seconds = limits.get("run_seconds", RUN_SECONDS)
    plan = [(job, v) for job, (_, broken) in enumerate(jobs) for v in (None, None, *broken)]
    runs = {}
    pending = list(range(len(plan)))
    while pending:
        spec = {
            "test_files": [str(test_file) for test_file, _ in jobs],
            "runs": [[i, *plan[i]] for i in pending],
            "headless": config.headless,
            "slow_mo": config.slow_mo,
            "expiry_seconds": limits.get("expiry_seconds", EXPIRY_SECONDS),
        }
        with Child(spec) as child:
            stopped_at = _follow(child, plan, runs, run_seconds, on_run)
        if stopped_at is None:
            break
        job, variant = plan[stopped_at]
        # After a real run that overstays, that job's other runs would prove nothing.
        pending = [i for i in pending if i > stopped_at and (plan[i][0] != job or variant)]
    return [[runs[i] for i in sorted(runs) if plan[i][0] == job] for job in range(len(jobs))]


def _follow(child, plan, runs, run_seconds, on_run):
    """Record the child's runs; return the run it was stopped in, or None."""
    deadline, current, started = time.monotonic() + STARTUP_SECONDS, None, 0.0
    while True:
        event = child.next_event(deadline)
        kind = event["event"]
        if kind == "error":
            raise UsageError(event["message"])
        if kind == "ready":
            deadline = time.monotonic() + run_seconds
        elif kind == "start":
            current, started = event["run"], time.monotonic()
            deadline = started + run_seconds
        elif kind == "done":
            fields = {k: event[k] for k in ("passed", "failure", "skipped", "load_error")}
            run = Run(plan[current][1], sleep_line=event["sleep_line"], **fields)
            _finish(run, runs, current, started, on_run)
            current, deadline = None, time.monotonic() + run_seconds
        elif kind in ("timeout", "exit"):
            if current is None:
                if kind == "exit" and event["status"] == 0:
                    return None
                why = "did not start in time" if kind == "timeout" else child.last_words()
                raise UsageError(f"the grader's test process failed: {why or 'no reason given'}")
            run = Run(plan[current][1])
            if kind == "timeout":
                run.hung = True
            else:
                run.ended = f"exit status {event['status']}"
            _finish(run, runs, current, started, on_run)
            return current


def _finish(run, runs, index, started, on_run):
    run.seconds = time.monotonic() - started
    runs[index] = run
    on_run(run)
