"""What the grading of a learner's test means, said to the learner in sentences."""

from dataclasses import dataclass

from lab_app.broken import BROKEN_LABS

WAIT_HINT = "wait for what you check with WebDriverWait(driver, timeout).until(...)"


@dataclass(frozen=True)
class Verdict:
    solved: bool
    sentences: tuple[str, ...]


def judge(runs, broken, run_seconds):
    """The Verdict on ``runs`` (grader.Run, the real lab's two first) for an exercise whose
    test must catch ``broken``."""
    real, caught = runs[:2], runs[2:]
    sleep = next((r.sleep_line for r in runs if r.sleep_line), None)
    sleeping = () if sleep is None else (_sleep_sentence(sleep),)
    trouble = _on_the_real_lab(real, run_seconds)
    if trouble:
        return Verdict(False, (trouble, *sleeping))
    missed = [r for r in caught if not r.red]
    summary = f"your test passes on the real lab and caught {_count(broken, caught, missed)}"
    unnoticed = [BROKEN_LABS[r.variant] for r in missed if not (r.hung or r.ended)]
    if unnoticed:
        summary += "; it did not notice a lab where " + ", nor one where ".join(unnoticed)
    stopped = tuple(_stopped(r, run_seconds) for r in missed if r.hung or r.ended)
    if caught and len(unnoticed) == len(caught):
        stopped += ("does it assert anything? A test that asserts nothing passes everywhere",)
    return Verdict(not missed and sleep is None, (summary, *stopped, *sleeping))


def _on_the_real_lab(real, run_seconds):
    """What went wrong on the real lab, or None when both runs passed."""
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
                f"was stopped: an endless loop, or a wait without a timeout? Instead, {WAIT_HINT}"
            )
        if run.ended:
            return f"your test ended the test process on the real lab ({run.ended})"
    if all(run.green for run in real):
        return None
    failed = next(run for run in real if not run.green)
    why = failed.failure or f"it was skipped ({failed.skipped})"
    if len(real) == 2 and any(run.green for run in real):
        return (
            f"your test is flaky: on the real lab it passed once and failed once ({why}). "
            f"A test must give the same answer every time: {WAIT_HINT}, rather than read it "
            "at once"
        )
    return f"your test failed on the real lab: {why}"


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


def _sleep_sentence(line):
    return (
        f"your test pauses with time.sleep on line {line}: a fixed pause is too short on a "
        f"slow day and wasted on a fast one; {WAIT_HINT} instead"
    )
