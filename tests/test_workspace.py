"""The learner's files are the ones in the checkout they work in (found from the working
directory up) or the folder given with --exercises: never the checkout that installed the
package. The browser side is in test_learner_mistakes (a second checkout's check)."""

import io

import pytest

from scenarios.cli.main import main
from scenarios.core.errors import UsageError
from scenarios.tracks import workspace


def checkout(tmp_path, *trees):
    for tree in trees:
        (tmp_path / tree / "01_set_a_cookie").mkdir(parents=True)
    return tmp_path


def test_the_exercises_are_found_from_the_working_directory_up(tmp_path):
    root = checkout(tmp_path / "clone", "exercises", "solutions")
    inside = root / "exercises" / "01_set_a_cookie"
    for start in (root, root / "exercises", inside):
        assert workspace.tree(start=start) == root / "exercises"
    assert workspace.tree(solutions=True, start=inside) == root / "solutions"
    # A folder named exercises with no exercise in it is not a checkout's.
    (inside / "exercises").mkdir()
    assert workspace.tree(start=inside) == root / "exercises"


def test_exercises_dir_wins_and_its_solutions_are_beside_it(tmp_path):
    root = checkout(tmp_path, "mine", "solutions")
    assert workspace.tree(root / "mine", start=tmp_path / "elsewhere") == root / "mine"
    assert workspace.tree(root / "mine", solutions=True) == root / "solutions"
    with pytest.raises(UsageError, match="--solutions: no solutions/ folder beside"):
        workspace.tree(checkout(tmp_path / "lone", "exercises") / "exercises", solutions=True)


def test_outside_any_checkout_the_check_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "1"], {}, io.StringIO()) == 2
    assert capsys.readouterr().err == (
        f"cookie-lab: error: no exercises/ folder in {tmp_path} or above it: run the check in "
        "your checkout of cookie-lab, or give --exercises DIR\n"
    )


@pytest.mark.parametrize("where", ["empty", "missing", "a-file"])
def test_an_exercises_dir_that_is_not_one_is_one_line_with_exit_2(tmp_path, capsys, where):
    folder = tmp_path / where
    if where == "empty":
        folder.mkdir()
    elif where == "a-file":
        folder.write_text("")
    assert main(["check", "1", "--exercises", str(folder)], {}, io.StringIO()) == 2
    assert capsys.readouterr().err == (
        f"cookie-lab: error: --exercises {folder}: not an exercises folder (none of "
        "01_set_a_cookie/ to 19_csrf_form/ is in it)\n"
    )
