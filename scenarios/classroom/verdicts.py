"""A check's Outcome as the verdict the classroom is sent (wire.py's shape): exercise, solved,
steps passed of total, the first failure sentence, duration, time, and the checker's
fingerprint."""

import secrets
from datetime import UTC, datetime

from scenarios.classroom import wire
from scenarios.content.exercises.catalog import FLASK
from scenarios.content.step_count import count_steps
from scenarios.tracks.automation.grader import REAL_RUNS
from scenarios.tracks.narration import sentence


def steps(outcome):
    """(passed, total): the Flask track's steps, or the automation track's runs that went as
    they should (green on the real lab, red on a broken one). A check stops at its first
    failure, so the total is the one its source plans when it can say (step_count)."""
    exercise = outcome.exercise
    if exercise.track == FLASK:
        passed = sum(1 for s in outcome.steps if s.passed is True)
        planned = count_steps(exercise.check)
        # The check's own steps, and the one that starts the learner's app before them.
        total = len(outcome.steps) if planned is None else max(len(outcome.steps), planned + 1)
        return passed, total
    passed = sum(1 for r in outcome.runs if (r.green if r.variant is None else r.red))
    return passed, max(len(outcome.runs), REAL_RUNS + len(exercise.broken))


def first_failure(outcome):
    if outcome.solved:
        return None
    if outcome.verdict is not None:
        return sentence(outcome.verdict.sentences[0]) if outcome.verdict.sentences else None
    failed = next((s for s in outcome.steps if s.passed is False), None)
    if failed is None:
        return None
    return sentence(failed.message or f"{failed.narration}: failed")


def quiet_flags(outcomes):
    """Which outcomes the board takes as checked in passing: those after the run's first
    unsolved one. A learner's `make exercises` checks all fifteen; the first it does not find
    solved is the one they are on, and the rest are ones they have not got to, not ones they
    are stuck on. (The narration shows each track's first unsolved in full, but a learner on
    exercise 2 has not started exercise 9: tried in a class, the board said they had.)"""
    flags, unsolved = [], False
    for outcome in outcomes:
        flags.append(unsolved)
        unsolved = unsolved or not outcome.solved
    return flags


def verdicts(outcomes, seal):
    """The verdicts of one check's ``outcomes``, each with a key of its own (sent twice, kept
    once), checked by ``seal`` (fingerprint.Seal)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    made = []
    for outcome, quiet in zip(outcomes, quiet_flags(outcomes), strict=True):
        passed, total = steps(outcome)
        made.append(
            {"key": secrets.token_urlsafe(16), "exercise": outcome.exercise.number,
             "solved": bool(outcome.solved), "quiet": quiet, "passed": passed, "total": total,
             "failure": wire.sentence(first_failure(outcome)),
             "seconds": round(min(max(outcome.seconds, 0.0), 86400.0), 3), "at": now,
             "fingerprint": seal.fingerprint, "changed": bool(seal.changed)}
        )  # fmt: skip
    return made
