"""What the class has done, from the verdicts received: learners × exercises, each cell solved
(when), attempted (attempts, minutes since the first try, the last failure sentence) or not
started; the learners stuck longest first; per exercise, how many solved and the commonest
failure sentence, which is what to explain to the room.

A verdict checked in passing (an exercise after the first unsolved one in a `make exercises`)
that did not solve says only that the learner has not got there: it starts no attempt.
"""

from collections import Counter
from datetime import UTC, datetime

from scenarios.content.exercises.catalog import EXERCISES


def _iso(when):
    return datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds")


def _cell(verdicts, now, fingerprint):
    """One learner's cell for one exercise, from their verdicts on it in order; None when
    they have not started it."""
    solved = next((v for v in verdicts if v["solved"]), None)
    tried = [v for v in verdicts if not v["quiet"] or v["solved"]]
    if not tried:
        return None
    counted = tried[: tried.index(solved) + 1] if solved else tried
    failures = [v["failure"] for v in counted if not v["solved"] and v["failure"]]
    last = tried[-1]
    return {
        "solved": solved is not None,
        "attempts": len(counted),
        "first_try": _iso(tried[0]["received"]),
        "last_try": _iso(last["received"]),
        "solved_at": _iso(solved["received"]) if solved else None,
        "minutes": round(((solved or {}).get("received", now) - tried[0]["received"]) / 60, 1),
        "last_failure": failures[-1] if failures else None,
        "passed": last["passed"],
        "total": last["total"],
        # The verdict the cell stands on (its solve, or its last try) came from a checker edited
        # on disk, or not the classroom's own (fingerprint.py says why both). Earlier tries do
        # not count: tried in a class, a checkout updated once flagged every cell for good.
        "checker_changed": _changed(solved or last, fingerprint),
    }


def _changed(verdict, fingerprint):
    return verdict["changed"] or verdict["fingerprint"] != fingerprint


def progress(store, now, fingerprint):
    """The class's progress, as /progress.json and the board show it."""
    names = {learner: name for learner, name, _ in store.learners()}
    by_cell = {}
    for row in store.verdicts():
        learner, exercise, solved, quiet, passed, total, failure, fp, changed, received = row
        by_cell.setdefault((learner, exercise), []).append(
            {"solved": bool(solved), "quiet": bool(quiet), "passed": passed, "total": total,
             "failure": failure, "fingerprint": fp, "changed": bool(changed),
             "received": received}
        )  # fmt: skip
    learners = []
    for learner, name in names.items():
        cells = {}
        for e in EXERCISES:
            cell = _cell(by_cell.get((learner, e.number), []), now, fingerprint)
            if cell is not None:
                cells[str(e.number)] = cell
        # Stuck on the unsolved exercise they tried last: the one they are on. (Tried in a
        # class: one checked once long ago and left showed a learner "stuck" where they were
        # not working at all.)
        stuck = [(c["last_try"], c["minutes"], int(n)) for n, c in cells.items() if not c["solved"]]
        _, *longest = max(stuck, default=(None, 0, None))
        learners.append(
            {"name": name, "solved": sum(c["solved"] for c in cells.values()),
             "stuck_minutes": longest[0], "stuck_on": longest[1],
             "checker_changed": any(c["checker_changed"] for c in cells.values()),
             "exercises": cells}
        )  # fmt: skip
    # Stuck longest first; then the fewest solved, who may need a word most.
    learners.sort(key=lambda x: (-x["stuck_minutes"], x["solved"], x["name"].casefold()))
    return {"learners": learners, "exercises": _per_exercise(learners), "now": _iso(now)}


def _per_exercise(learners):
    summary = []
    for e in EXERCISES:
        cells = [x["exercises"][str(e.number)] for x in learners if str(e.number) in x["exercises"]]
        # Counted once per learner who last failed with it: one learner's ten retries are
        # not ten learners' trouble.
        said = Counter(c["last_failure"] for c in cells if c["last_failure"] and not c["solved"])
        commonest = said.most_common(1)
        summary.append(
            {"number": e.number, "title": e.title, "track": e.track,
             "solved": sum(c["solved"] for c in cells), "attempted": len(cells),
             "commonest_failure": commonest[0][0] if commonest else None,
             "learners_with_it": commonest[0][1] if commonest else 0}
        )  # fmt: skip
    return summary
