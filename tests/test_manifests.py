"""One manifest per exercise (scenarios/content/exercises/exNN_<slug>.py): both tracks found
the same way, in number order, each with its check or its broken labs, and its hint tiers."""

import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scenarios.content.exercises import catalog
from scenarios.content.exercises.catalog import AUTOMATION, FLASK, Exercise, Hint
from scenarios.core.errors import UsageError

TREE = Path(__file__).resolve().parents[1] / "exercises"
TIERS = ["Hint 1: a nudge", "Hint 2: the API", "Hint 3: the shape of the answer"]


def test_both_tracks_come_from_the_manifests_in_number_order():
    # Each track in number order, the Flask track's first; the numbers, 1 on with no gap.
    flask, automation = [*range(1, 9), 16, 17], [*range(9, 16), 18, 19]
    assert [e.number for e in catalog.EXERCISES] == flask + automation
    assert {e.track for e in catalog.FLASK_TRACK} == {FLASK}
    assert [e.number for e in catalog.FLASK_TRACK] == flask
    assert [e.number for e in catalog.AUTOMATION_TRACK] == automation
    assert all(callable(e.check) and not e.broken for e in catalog.FLASK_TRACK)
    assert all(e.check is None and e.broken for e in catalog.AUTOMATION_TRACK)
    assert catalog.BY_NUMBER[5].folder == "05_path_cookie"
    assert catalog.BY_NUMBER[5].file_name == "app.py"
    assert catalog.BY_NUMBER[11].file_name == "test_path_cookie.py"


def test_select_keeps_the_order_given_within_a_track_the_flask_track_first():
    assert [e.number for e in catalog.select(["9", "3", "1", "3"])] == [3, 1, 9]
    assert [e.number for e in catalog.select(["18", "9", "16", "2"])] == [16, 2, 18, 9]
    with pytest.raises(UsageError, match="unknown exercise '0'; choose a number from 1 to 19"):
        catalog.select(["0"])


SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"


@pytest.mark.parametrize("exercise", catalog.EXERCISES, ids=lambda e: e.folder)
def test_an_exercise_on_two_sites_says_so_and_a_grid_check_refuses_it(exercise):
    # Its solution uses the other site (the fixture other_url, or the checker's other site):
    # through a Grid those names would resolve on the node, so the check refuses it up front.
    module = importlib.import_module(f"scenarios.content.exercises.ex{exercise.folder}")
    uses_sites = "other_url" in (SOLUTIONS / exercise.folder / exercise.file_name).read_text()
    uses_sites |= "lab.lab_site_url(" in Path(module.__file__).read_text()
    assert exercise.needs_sites == uses_sites


@pytest.mark.parametrize("exercise", catalog.EXERCISES, ids=lambda e: e.folder)
def test_every_exercise_has_three_hint_tiers_the_gentlest_first(exercise):
    hints = exercise.hints(TREE)
    assert [h.title for h in hints] == TIERS
    assert all(h.text and "<details>" not in h.text for h in hints)


def test_hints_are_read_from_the_tree_given_as_tiers(tmp_path):
    folder = tmp_path / "01_set_a_cookie"
    folder.mkdir()
    (folder / "README.md").write_text(
        "# Exercise 1\n\n<details><summary>Hint 1: a nudge</summary>\n\nLook at /bake.\n"
        "</details>\n\n<details><summary>Hint 2: the API</summary>\n\n```python\n"
        'response.set_cookie("a", "b")\n```\n</details>\n'
    )
    assert catalog.BY_NUMBER[1].hints(tmp_path) == [
        Hint("Hint 1: a nudge", "Look at /bake."),
        Hint("Hint 2: the API", '```python\nresponse.set_cookie("a", "b")\n```'),
    ]


@pytest.mark.parametrize(
    "fields, says",
    [
        ({"track": "selenium"}, "the track is one of"),
        ({"track": FLASK}, "have a check(lab)"),
        ({"track": AUTOMATION, "broken": ("no-such-lab",)}, "unknown: ['no-such-lab']"),
        ({"track": AUTOMATION}, "broken labs ()"),
        ({"track": AUTOMATION, "broken": ("expiry-60s",), "check": print}, "have a check"),
    ],
)
def test_a_manifest_that_contradicts_itself_is_refused(fields, says):
    with pytest.raises(ValueError, match=re.escape(says)):
        Exercise(number=16, slug="new", title="New", **fields)


def test_a_broken_manifest_names_its_file_and_says_to_restore_it(tmp_path, monkeypatch):
    # A tester's edit left exercise 18's manifest contradicting itself (no broken labs).
    package = tmp_path / "edited_manifests"
    package.mkdir()
    (package / "__init__.py").write_text("")
    source = Path(catalog.__file__).with_name("ex18_strict_cookie_link.py").read_text()
    (package / "ex18_strict_cookie_link.py").write_text(source + "\nBROKEN=()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(catalog.ManifestError) as refused:
        list(catalog._manifests("edited_manifests"))
    said = str(refused.value)
    assert str(package / "ex18_strict_cookie_link.py") in said
    assert "broken labs ()" in said and "`git checkout scenarios/`" in said
    assert isinstance(refused.value, UsageError) and "\n" not in said


def test_the_command_line_says_a_broken_manifest_in_one_line(tmp_path):
    # The catalog reads every manifest as the command line loads: a copy of the package with
    # one manifest broken, run as a learner would, ends in one line and exit 2.
    root = Path(__file__).resolve().parents[1]
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("scenarios", "lab_app"):
        shutil.copytree(root / name, tmp_path / name, ignore=ignore)
    manifest = tmp_path / "scenarios/content/exercises/ex18_strict_cookie_link.py"
    manifest.write_text(manifest.read_text() + "\nBROKEN=()\n")
    done = subprocess.run(
        [sys.executable, "-m", "scenarios", "list"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"cookie-lab: error: the exercise manifest {manifest} is broken")
