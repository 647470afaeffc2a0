"""The automation track's session for the watcher: the labs, one warm grading child, and a
check of the learner's test on each save (warm.py holds the child and a grading's runs)."""

import time
from dataclasses import replace

from scenarios.core.errors import UsageError
from scenarios.tracks.automation import grader, track
from scenarios.tracks.automation.grader import _SHUFFLE, _has_conftest
from scenarios.tracks.automation.labs import Labs
from scenarios.tracks.automation.verdict import Verdict, judge
from scenarios.tracks.automation.warm import CANCELLED, WarmChild, WarmGrading
from scenarios.tracks.narration import shown
from scenarios.tracks.outcome import Outcome


class StockedLabs(Labs):
    """Labs whose next grading's apps are built beforehand, while the learner types: each
    run still gets a lab of its own, used once, but not built on the wait for a verdict."""

    def __init__(self, expiry_seconds):
        super().__init__(expiry_seconds)
        self._stock = {}

    def stock(self, variants):
        """Enough built for ``variants`` (one each, None as often as it is listed)."""
        for variant in set(variants):
            built = self._stock.setdefault(variant, [])
            built += [self._app(variant) for _ in range(variants.count(variant) - len(built))]

    def _built(self, variant):
        built = self._stock.get(variant)
        return built.pop() if built else self._app(variant)


class WarmGrader:
    """grade(test_file, broken, on_run) -> the Runs, or None once cancel() was called."""

    def __init__(self, config, run_seconds=grader.RUN_SECONDS):
        self.config = replace(config, expiry_seconds=grader.EXPIRY_SECONDS, remote_url=None)
        self.run_seconds = run_seconds
        self.labs = StockedLabs(self.config.expiry_seconds).__enter__()
        self._grading = None
        self.child = None
        try:
            self._new_child()
        except BaseException:
            self.close()
            raise

    def _new_child(self):
        if self.child is not None:
            self.child.stop()
        self.child = WarmChild(self.config, self.labs.url)
        event = self.child.next_event(time.monotonic() + grader.STARTUP_SECONDS)
        if event["event"] != "ready":
            why = event.get("message") or self.child.last_words() or "it did not start in time"
            raise UsageError(f"the grader's test process failed: {why}")

    def prepare_next(self, exercise):
        """Between checks: the labs of the next grading of ``exercise``, built now."""
        self.labs.stock(_variants(exercise.broken))

    def grade(self, test_file, broken, on_run):
        plan = [(0, variant) for variant in _variants(broken)]
        _SHUFFLE(plan)
        grading = WarmGrading(plan, self.labs, self.run_seconds, on_run)
        grading.conftests = {0} if _has_conftest(test_file) else set()
        pending = list(range(len(plan)))
        while pending:
            self._grading = grading
            self.child.request([str(test_file.absolute())], [[i, 0] for i in pending])
            stopped_at, replace_child = grading.follow(self.child)
            if replace_child:
                self._new_child()
            if stopped_at is None or stopped_at == CANCELLED or grading.forged:
                break
            if plan[stopped_at][1] is None:
                break  # after a real run that overstays, the other runs would prove nothing
            pending = [i for i in pending if i > stopped_at]
        self._grading = None
        return None if grading.cancel_at is not None else grading.of(0, broken)

    def cancel(self):
        """Called from another thread: the grading in flight ends as soon as it can."""
        grading = self._grading
        if grading is not None:
            grading.cancel(self.child)

    def close(self):
        if self.child is not None:
            self.child.stop()
        self.labs.__exit__(None, None, None)

    def check(self, exercise, test_file, emit):
        """The Outcome of grading ``test_file``, as track.grade_one's; None if cancelled."""
        emit("exercise_started", exercise)
        if not test_file.is_file():
            said = f"expected your test in {shown(test_file)}, but there is no such file"
            verdict = Verdict(False, (said,))
        elif (error := track._syntax_error(test_file)) is not None:
            verdict = Verdict(False, (f"{shown(test_file)} has a syntax error on line {error}",))
        else:
            runs = self.grade(test_file, exercise.broken, lambda run: emit("graded", run))
            if runs is None:
                return None
            verdict = judge(runs, exercise.broken, self.run_seconds, exercise.must_restart)
        outcome = Outcome(exercise, test_file, verdict.solved, verdict=verdict)
        emit("exercise_finished", outcome)
        return outcome


def _variants(broken):
    return (*[None] * grader.REAL_RUNS, *broken)
