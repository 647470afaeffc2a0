"""What the grading of a learner's test means, said to the learner in sentences."""

from dataclasses import dataclass, field

from lab_app.broken import BROKEN_LABS
from scenarios.tracks.automation import fingerprint

# From this many tests in one file, a run stopped at its bound is told how far it got.
MANY = 20
WAIT_HINT = "wait for what you check with WebDriverWait(driver, timeout).until(...)"
CHANGED = "the checker's files were changed"
CONFTEST = (
    "the conftest.py beside your test is not loaded while grading: put what your test needs "
    "in the test file itself"
)


@dataclass(frozen=True)
class Verdict:
    """Every verdict carries the fingerprint of the checker that gave it (``checker``), and
    says so when the checker's files differ from the release's (fingerprint.py)."""

    solved: bool
    sentences: tuple[str, ...]
    checker: fingerprint.Seal = field(default_factory=lambda: fingerprint.seal())

    def __post_init__(self):
        changed = self.checker.changed
        if changed and not any(s.startswith(CHANGED) for s in self.sentences):
            shown = ", ".join(changed[:3]) + (", ..." if len(changed) > 3 else "")
            said = f"{CHANGED} ({shown}): this verdict is not the release checker's"
            object.__setattr__(self, "sentences", (*self.sentences, said))


def judge(runs, broken, run_seconds, must_restart=False):
    """The Verdict on ``runs`` (grader.Run, the real lab's first) for an exercise whose
    test must catch ``broken``; ``must_restart``: whose lesson is what a restart ends."""
    real = [r for r in runs if r.variant is None]
    caught = [r for r in runs if r.variant is not None]
    sleepy = next((r for r in runs if r.sleep_line), None)
    sleep = None if sleepy is None else sleepy.sleep_line
    notes = (() if sleepy is None else (_sleep_sentence(sleepy),)) + _notes(runs)
    if any(r.forged for r in runs):
        return Verdict(False, (FORGED,))
    fork = next((r.fork_line for r in runs if r.fork_line), None)
    if fork is not None:
        return Verdict(False, (_fork_sentence(fork), *notes))
    trouble = _on_the_real_lab(real, run_seconds)
    if trouble:
        return Verdict(False, (trouble, *notes))
    if any(r.drove is False for r in runs if r.passed or r.failure):
        # A lab answers urllib too: a run that loaded no page tested it, but not as the lesson.
        return Verdict(False, (NEVER_DROVE, *notes))
    if must_restart and not all(r.restarted for r in real):
        # Attributes alone (a session cookie has no expiry) say what a restart should do; the
        # lesson is to see it done, and no lab can tell a test that never restarts.
        return Verdict(False, (NO_RESTART, *notes))
    not_run = [lab for lab in broken if lab not in {r.variant for r in caught}]
    if not_run:  # a grading cut short must not pass for one that caught every lab
        said = f"your test never ran against {len(not_run)} of the {len(broken)} broken labs"
        return Verdict(False, (said, *notes))
    missed = [r for r in caught if not r.red]
    summary = f"your test passes on the real lab and caught {_count(broken, caught, missed)}"
    unnoticed = [BROKEN_LABS[r.variant] for r in missed if not (r.hung or r.ended)]
    if unnoticed:
        summary += "; it did not notice a lab where " + ", nor one where ".join(unnoticed)
    stopped = tuple(_stopped(r, run_seconds) for r in missed if r.hung or r.ended)
    if caught and len(unnoticed) == len(caught):
        stopped += ("does it assert anything? A test that asserts nothing passes everywhere",)
    return Verdict(not missed and sleep is None, (summary, *stopped, *notes))


def _notes(runs):
    """pytest's warnings about the learner's lines, a conftest.py left out, and a browser of
    the checker's that failed (the checker's fault, not the test's)."""
    warnings = tuple(dict.fromkeys(w for r in runs for w in r.warnings))
    browser = next((r.browser_trouble for r in runs if r.browser_trouble), None)
    said = () if browser is None else (BROWSER_TROUBLE.format(browser),)
    return warnings + ((CONFTEST,) if any(r.conftest_ignored for r in runs) else ()) + said


NEVER_DROVE = (
    "your test never drove the browser: the exercise is to test the lab through it, with "
    "driver (driver.get(lab_url + ...) and what the page then shows)"
)
FORGED = (
    "your test wrote to the checker's own channel (events_fd): what the checker reports is "
    "what it saw your test do, so this grading does not count; test the lab through driver"
)
NO_RESTART = (
    "your test never restarts the browser: the lesson is what a restart ends, so restart it "
    "with restart_browser(), use the driver it returns, and check what is still sent"
)


def _on_the_real_lab(real, run_seconds):
    """What went wrong on the real lab, or None when every real run passed."""
    if not real:
        return "your test never ran on the real lab"
    first = real[0]
    if first.load_error:
        return f"your test file does not load: {first.load_error}"
    if not (first.passed or first.failure or first.skipped or first.hung or first.ended):
        return (
            "pytest found no test in your file: write a function whose name starts with "
            "test_, e.g. def test_it(driver, lab_url):"
        )
    for run in real:
        if run.hung:
            return (
                f"your test did not finish within {run_seconds:g} s on the real lab, so it "
                f"was stopped{_where(run.stop, run_seconds)}"
            )
        if run.ended:
            return f"your test ended the test process on the real lab ({run.ended})"
    if all(run.green for run in real):
        return None
    failed = next(run for run in real if not run.green)
    why = failed.failure or f"it was skipped ({failed.skipped})"
    passed = sum(run.green for run in real)
    if passed:
        return (
            f"your test is flaky: on the real lab it passed {_times(passed)} and failed "
            f"{_times(len(real) - passed)} ({why}). A test must give the same answer every "
            f"time: {WAIT_HINT}, rather than read it at once"
        )
    return f"your test failed on the real lab: {why}"


def _where(stop, run_seconds):
    """Where a run stopped at its deadline was, and what to do instead."""
    if stop is not None and stop.ran and stop.of and stop.of >= MANY:
        # Hundreds of parametrized cases, each quick: the whole file overstays, none loops.
        return (
            f" after {stop.ran} of its {stop.of} tests had run: a run of the whole file may "
            f"take {run_seconds:g} s, so test fewer cases (a few that differ as the lab's "
            "behaviour differs teach as much)"
        )
    if stop is None or stop.line is None:
        return f": an endless loop, or a wait without a timeout? Instead, {WAIT_HINT}"
    if stop.wait_seconds is not None:
        longer = stop.wait_seconds >= run_seconds
        return (
            f" while waiting in the WebDriverWait on line {stop.line}, whose timeout is "
            f"{stop.wait_seconds:g} s"
            + (f", longer than a whole run may take ({run_seconds:g} s): a few seconds are "
               "plenty for a page of the lab" if longer else
               ": what it waits for never came; is it the right condition?")
        )  # fmt: skip
    if stop.sleeping:
        return f" inside time.sleep on line {stop.line}; {WAIT_HINT} instead"
    return (
        f" on line {stop.line}: an endless loop, or a wait without a timeout? Instead, {WAIT_HINT}"
    )


def _times(n):
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _count(broken, caught, missed):
    total = len(broken)
    if not missed:
        return {1: "the one broken lab", 2: "both broken labs"}.get(
            total, f"all {total} broken labs"
        )
    if len(missed) == len(caught):
        return f"none of the {total} broken labs"
    return f"{len(caught) - len(missed)} of the {total} broken labs"


def _stopped(run, run_seconds):
    where = f"a lab where {BROKEN_LABS[run.variant]}"
    if run.hung:
        return (
            f"on {where}, your test did not finish within {run_seconds:g} s, so it was stopped "
            f"and does not count as caught; {WAIT_HINT}, with a timeout"
        )
    return f"on {where}, your test ended the test process ({run.ended})"


BROWSER_TROUBLE = (
    "the checker's browser failed during one of the runs: {}; that is the checker's trouble, "
    "not your test's, so that run was done again on a new browser"
)


def _fork_sentence(line):
    return (
        f"your test calls os.fork on line {line}: the copy of the test process runs the rest "
        "of your test a second time, on the same browser; keep a test in one process (to run "
        "a program, use subprocess.run(..., timeout=...))"
    )


def _sleep_sentence(run):
    return (
        f"your test pauses with {run.sleep_call} on line {run.sleep_line}: a fixed pause is too "
        f"short on a slow day and wasted on a fast one; {WAIT_HINT} instead"
    )
