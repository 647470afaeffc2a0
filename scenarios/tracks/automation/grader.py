"""Grade a learner's browser test: it must pass on the real lab every time and fail on each
of the exercise's broken labs. The labs are served from this process; the child that runs the
test knows each run by a number only, and the runs come in an order drawn afresh for each
grading, so nothing in the test's process tells a broken lab from the real one. Every run is
bounded; a run that overstays is stopped and the rest go on in a new child."""

import random
import secrets
import time
from dataclasses import replace

from scenarios.browser.remote import PAGE_LOADS_PER_REQUEST
from scenarios.core.errors import UsageError
from scenarios.tracks.automation.labs import Labs
from scenarios.tracks.automation.run import Run, Stop
from scenarios.tracks.automation.supervisor import Child

__all__ = ["Run", "grade", "grade_files"]

# How long the child may take to start its browser, and each run of the learner's tests.
STARTUP_SECONDS = 30.0
RUN_SECONDS = 20.0
# How often a run is looked in on for a stopped (SIGSTOP) browser: a /proc scan, milliseconds.
LOOK_SECONDS = 2.0
# The expiring cookie's life while grading: short, so the expiry exercise waits little.
EXPIRY_SECONDS = 3
# A test that passes at random half the time passes n real runs in a row with probability
# (1/2)^n. Four runs: solved 1 time in 16, so unsolved 94% of the time (three runs: 87.5%,
# under the 90% a flaky test must be caught). Each run costs about 0.15 s.
REAL_RUNS = 4
# The OS's randomness: the child, which runs the learner's code, cannot replay it.
_SHUFFLE = random.SystemRandom().shuffle


def chance_solved_by_chance(pass_rate, real_runs=REAL_RUNS):
    """How often a test passing at random ``pass_rate`` of the time passes every real run."""
    return pass_rate**real_runs


def grade(test_file, broken, config, on_run=lambda run: None, **limits):
    """Run ``test_file`` on the real lab REAL_RUNS times and on each broken lab, in an order of
    its own; return the Runs, the real lab's first, then the broken labs' as listed.

    ``on_run`` hears of each run as it ends. Once the test fails on the real lab, no broken
    lab is tried: a test that fails there proves nothing on a broken one.
    """
    return grade_files([(test_file, broken)], config, on_run, **limits)[0]


def grade_files(jobs, config, on_run=lambda run: None, **limits):
    """grade() for each (test_file, broken) of ``jobs``, in one child and one browser while
    no run overstays; return a list of Runs for each job.

    The child's browser and the test's fixtures get ``config`` whole, but for the grading's
    short expiry: a Grid's too (--remote-url), with the labs served at --advertise-host."""
    run_seconds = limits.get("run_seconds", RUN_SECONDS)
    # Fewer only where flakiness is not the question (the suite's proof of the broken labs).
    real_runs = limits.get("real_runs", REAL_RUNS)
    config = replace(config, expiry_seconds=limits.get("expiry_seconds", EXPIRY_SECONDS))
    plan = []
    for job, (_, broken) in enumerate(jobs):
        runs = [(job, variant) for variant in (*[None] * real_runs, *broken)]
        _SHUFFLE(runs)
        plan += runs
    # A local browser's labs stay on loopback, whatever COOKIE_LAB_ADVERTISE_HOST says.
    host = config.advertise_host if config.remote_url else "127.0.0.1"
    with Labs(config.expiry_seconds, host, local_browser=not config.remote_url) as labs:
        grading = Grading(plan, labs, run_seconds, on_run)
        grading.startup_seconds = startup_seconds(config)
        grading.conftests = {job for job, (f, _) in enumerate(jobs) if _has_conftest(f)}
        pending = list(range(len(plan)))
        while pending:
            spec = {
                "test_files": [str(test_file) for test_file, _ in jobs],
                "runs": [[i, plan[i][0]] for i in pending],
                "config": config.to_json(),
                "lab_url": labs.url,
            }
            with Child(spec) as child:
                stopped_at = grading.follow(child, pending)
            if stopped_at is None:
                break
            if stopped_at in grading.again:  # its browser froze: the lab's fault, done again
                pending = [i for i in pending if i >= stopped_at]
                continue
            job, variant = plan[stopped_at]
            # After a real run that overstays, that job's other runs would prove nothing; after
            # a line its test wrote on the checker's channel, none of its runs counts.
            pending = [
                i
                for i in pending
                if i > stopped_at
                and (plan[i][0] != job or variant)
                and plan[i][0] not in grading.forged
            ]
    return [grading.of(job, broken) for job, (_, broken) in enumerate(jobs)]


def startup_seconds(config):
    """How long the child may take to start its browser: a Grid's may queue for a free slot
    on its node, as long as the client waits for a new session (remote.connection)."""
    if not config.remote_url:
        return STARTUP_SECONDS
    return STARTUP_SECONDS + PAGE_LOADS_PER_REQUEST * config.page_load_seconds


def _has_conftest(test_file):
    return (test_file.parent / "conftest.py").exists()


class Grading:
    """The runs of one grading, recorded from the children's reports as they come."""

    def __init__(self, plan, labs, run_seconds, on_run):
        self.plan, self.labs, self.run_seconds, self.on_run = plan, labs, run_seconds, on_run
        self.runs = {}
        self.conftests = set()
        self.failed = set()  # jobs whose test failed on the real lab
        # Runs whose browser died or froze, not by the test's doing: why, said in the verdict.
        self.browser_trouble = {}
        self.again = set()  # of those, the runs a new child is to do again
        self.skipped = set()  # broken-lab runs not run: the test failed on the real lab
        self.startup_seconds = STARTUP_SECONDS
        # The word the run in progress must report with (_go), and the jobs whose test wrote
        # on the events pipe: a forged line voids the job's grading (_forged, _void).
        self.nonce = None
        self.forged = set()
        self.last = None  # the last run recorded

    def follow(self, child, given):
        """Record the child's runs of ``given``; return the run it was stopped in, or None
        once every one of them is done."""
        deadline, current, started = time.monotonic() + self.startup_seconds, None, 0.0
        ready = False
        while True:
            # A look every few seconds for a frozen browser, which need not wait out the run.
            look = deadline if current is None else min(deadline, time.monotonic() + LOOK_SECONDS)
            event = child.next_event(look)
            kind = event["event"]
            if self._forged(event, current, ("start",) if ready else ("ready", "error")):
                return self._void(current, started, given[0])
            if kind == "timeout" and time.monotonic() < deadline:
                if current in self.browser_trouble or not child.frozen_browser():
                    continue  # still within the run's time, and no browser of ours frozen
            if kind == "error":
                raise UsageError(event["message"])
            if kind == "ready":
                ready, deadline = True, time.monotonic() + self.run_seconds
            elif kind == "start":
                if not self._start(child, event["run"]):
                    continue
                current, started = event["run"], time.monotonic()
                deadline = started + self.run_seconds
            elif kind == "browser_died":  # the child starts a new browser and runs it again
                self.browser_trouble[event["run"]] = f"it died ({event['why']})"
                current, deadline = None, time.monotonic() + self.startup_seconds
            elif kind == "done" and current is not None:  # else not ours: the test wrote it
                self._finish(self._reported(current, event), current, started)
                current, deadline = None, time.monotonic() + self.run_seconds
            elif kind in ("timeout", "exit"):
                if current is None:
                    left = [i for i in given if i not in self.runs and i not in self.skipped]
                    if not left:
                        return None  # every run done: how the process ended says nothing
                    if ready:  # ended or stuck between two runs, by the test's doing
                        return self._between_runs(left[0], kind, event, child)
                    why = "did not start in time" if kind == "timeout" else child.last_words()
                    raise UsageError(
                        f"the grader's test process failed: {why or 'no reason given'}"
                    )
                frozen = child.frozen_browser() if kind == "timeout" else None
                if frozen and current not in self.browser_trouble:
                    # A stopped browser, not the test, held the run: a new child does it again.
                    self.browser_trouble[current] = f"it froze ({frozen} was stopped)"
                    self.again.add(current)
                    return current
                run = self._run(current)
                if kind == "timeout":
                    run.hung = True
                    said = [e for e in child.interrupt() if e["event"] == "stopped"]
                    said = [e for e in said if e.get("nonce") == self.nonce]  # not the test's
                    run.stop = Stop(**said[0]["where"]) if said and said[0]["where"] else None
                else:
                    run.ended = f"exit status {event['status']}"
                self._finish(run, current, started)
                return current

    def _between_runs(self, index, kind, event, child):
        """The test ended its process, or held it, after one run and before the next (in a
        teardown, an atexit hook, a thread): the next run is that one's, not done. A
        process that ends early must not pass for a grading that is over."""
        run = self._run(index)
        if kind == "timeout":
            run.hung = True
            child.interrupt()
        else:
            run.ended = f"exit status {event['status']}, between two runs"
        self._finish(run, index, time.monotonic())
        return index

    def _start(self, child, run):
        """Serve ``run``'s lab and let the child go, with a new word its reports of the run
        carry: True. A broken lab's run whose test failed on the real lab is skipped: False."""
        job, variant = self.plan[run]
        if variant is not None and job in self.failed:
            self.skipped.add(run)
            child.send("skip")
            return False
        self.labs.serve(variant)
        # Only now: the run must not reach the lab before it changes.
        self.nonce = secrets.token_hex(16)
        child.send(f"go {self.nonce}")
        return True

    def _forged(self, event, current, between):
        """Whether ``event`` is a line the learner's test wrote on the events pipe, not the
        child's: in a run, one without the run's word, or a "done" for another run; between
        runs, a second "done" or any word but ``between`` and a "start" of a run to come."""
        kind = event["event"]
        if kind in ("timeout", "exit"):
            return False  # the supervisor's own, never a line of the pipe's
        if current is not None:
            return event.get("nonce") != self.nonce or (
                kind == "done" and event.get("run") != current
            )
        if kind == "start":
            run = event.get("run")
            known = isinstance(run, int) and 0 <= run < len(self.plan)
            return not known or run in self.runs or run in self.skipped
        return kind not in between

    def _void(self, current, started, first):
        """The test wrote on the checker's channel: none of its job's runs counts. Returns
        the run it was in (or the last one recorded) for the child to be stopped at."""
        index = current if current is not None else self.last
        index = first if index is None else index
        self.forged.add(self.plan[index][0])
        if index in self.runs:
            self.runs[index].forged = True
        else:
            self._finish(self._run(index, forged=True), index, started)
        return index

    def _reported(self, index, event):
        """The Run of ``index`` as the child's "done" event tells it."""
        fields = ("passed", "failure", "skipped", "load_error", "sleep_line")
        run = self._run(index, **{k: event[k] for k in fields})
        run.fork_line = event.get("fork_line")  # the warm child (watch mode) watches no fork
        run.restarted = bool(event.get("restarted"))
        # Whether the test drove the browser: as the lab saw it (a request from the browser's
        # own process), not as the child says, which the test can change; the child's word
        # only where the lab cannot tell (a Grid's browser).
        seen = self.labs.browser_seen
        run.drove = event.get("drove") if seen is None else seen
        run.sleep_call = event.get("sleep_call") or "time.sleep"
        run.warnings = tuple(event["warnings"])
        return run

    def _run(self, index, **fields):
        job, variant = self.plan[index]
        trouble = self.browser_trouble.get(index)
        ignored = job in self.conftests
        return Run(variant, conftest_ignored=ignored, browser_trouble=trouble, **fields)

    def _finish(self, run, index, started):
        run.seconds = time.monotonic() - started
        self.runs[index] = run
        self.last = index
        if run.variant is None and not run.green:
            self.failed.add(self.plan[index][0])
        self.on_run(run)

    def of(self, job, broken):
        """The job's runs: the real lab's first, then the broken labs' in ``broken``'s order."""
        mine = [(i, run) for i, run in self.runs.items() if self.plan[i][0] == job]
        order = {None: -1, **{name: n for n, name in enumerate(broken)}}
        return [run for i, run in sorted(mine, key=lambda pair: (order[pair[1].variant], pair[0]))]
