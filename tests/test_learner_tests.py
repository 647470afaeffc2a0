"""The broken labs tell a weak test from a strong one (issue 22, item 1).

tests/learner_tests/ holds, for each automation exercise, weak tests (half of the behaviour)
and strong ones (all of it, written unlike solutions/). Every weak test must be unsolved for
the right reason: it passes on the real lab and on the broken lab its MISSES names; or, MISSES
None, it never drives the browser (it tests the lab some other way), and is told so.
Every strong test must be solved against all of its exercise's broken labs. The reference
solutions are graded against all of them in test_automation.py.

All the files are graded in one grading child and one browser, with a 2 s expiry, from copies
in a temporary folder, as a learner's would be: under tests/ pytest would load the project's
conftest.py, and its own `driver`, into the grading runs.
"""

import ast
import shutil
from fnmatch import fnmatch
from pathlib import Path

import pytest

from lab_app.broken import BROKEN_LABS
from scenarios.content.exercises.catalog import AUTOMATION_TRACK
from scenarios.core.config import Config
from scenarios.tracks.automation import grader
from scenarios.tracks.automation.verdict import NEVER_DROVE, NO_RESTART, judge

LEARNER_TESTS = Path(__file__).parent / "learner_tests"
CONFIG = Config(headless=True)
EXPIRY = 2
# One real run: whether a test is flaky is test_grading_is_blind's question, not this one's.
REAL_RUNS = 1


def missed_lab(path):
    """The broken lab a weak test lets through: its MISSES, read without importing it."""
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["MISSES"]:
            return node.value.value
    raise AssertionError(f"{path} says in no MISSES which broken lab it lets through")


# Four gradings, each one child and one browser: the expiry's, whose every run waits for its
# cookie to expire; the restart's; the rest (those added later among them), split by how many
# sites their lessons need, so that no one grading is the suite's long tail.
OWN = {"expiry": (13,), "restart": (14,)}
OTHERS = [e for e in AUTOMATION_TRACK if not any(e.number in n for n in OWN.values())]
GROUPS = {
    **OWN,
    "the others, one site": tuple(e.number for e in OTHERS if not e.needs_sites),
    "the others, two sites": tuple(e.number for e in OTHERS if e.needs_sites),
}


def learner_tests(copy_to, numbers):
    """(exercise, path, the broken labs to grade it against, weak?) for every learner test of
    the exercises ``numbers``, the path that of its copy under ``copy_to``."""
    found = []
    for exercise in (e for e in AUTOMATION_TRACK if e.number in numbers):
        folder = LEARNER_TESTS / exercise.folder
        shutil.copytree(folder, copy_to / exercise.folder)
        folder = copy_to / exercise.folder
        weak, strong = sorted(folder.glob("weak_*.py")), sorted(folder.glob("strong_*.py"))
        assert len(weak) >= 3 and len(strong) >= 2, exercise.folder
        for path in weak:
            lab = missed_lab(path)
            assert lab is None or lab in exercise.broken, (path.name, lab)
            # One broken lab it passes on is enough to leave it unsolved, whatever the rest do.
            found.append((exercise, path, (lab or exercise.broken[0],), True))
        found += [(exercise, path, exercise.broken, False) for path in strong]
    return found


def wrong_verdict(exercise, path, broken, weak, runs):
    """Why this learner test's grading is not what its kind promises, or None."""
    verdict = judge(runs, broken, grader.RUN_SECONDS, exercise.must_restart)
    said = f"{exercise.folder}/{path.name}: {' '.join(verdict.sentences)}"
    if weak and missed_lab(path) is None:
        return None if verdict.sentences[0] == NEVER_DROVE and not verdict.solved else said
    if weak:
        # Unsolved because it missed its lab, not because it fails on the real one.
        lab = broken[0]
        if verdict.solved or not all(run.green for run in runs) or len(runs) != REAL_RUNS + 1:
            return said
        # Where the lesson is a restart, a test that never restarts is told so first; the
        # lab it slips past is the lesson for the others.
        missed = verdict.sentences[0].endswith(BROKEN_LABS[lab])
        return None if missed or verdict.sentences[0] == NO_RESTART else said
    if not verdict.solved or [run.variant for run in runs] != [None] * REAL_RUNS + [*broken]:
        return said
    return None


@pytest.mark.long
@pytest.mark.browser
@pytest.mark.usefixtures("released_checker")
@pytest.mark.parametrize("numbers", GROUPS.values(), ids=GROUPS.keys())
def test_weak_learner_tests_are_unsolved_and_strong_ones_solved(tmp_path, numbers):
    found = learner_tests(tmp_path, numbers)
    jobs = [(path, broken) for _, path, broken, _ in found]
    graded = grader.grade_files(jobs, CONFIG, expiry_seconds=EXPIRY, real_runs=REAL_RUNS)
    wrong = [
        wrong_verdict(exercise, path, broken, weak, runs)
        for (exercise, path, broken, weak), runs in zip(found, graded, strict=True)
    ]
    assert [w for w in wrong if w] == []


def test_the_project_suite_does_not_collect_the_learner_tests(request):
    # They are graded, not run: run by the suite they would meet neither the lab nor a variant.
    patterns = request.config.getini("python_files")
    files = sorted(LEARNER_TESTS.rglob("*.py"))
    assert files and not [f for f in files if any(fnmatch(f.name, p) for p in patterns)]
