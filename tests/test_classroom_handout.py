"""The learners' copy and an exercise's starter put back: the copy is HEAD without the
answers, a git repository of its own; a reset asks before it throws work away, and keeps it."""

import pytest

from scenarios.classroom.handout import handout
from scenarios.cli.main import main
from scenarios.tracks import workspace
from scenarios.tracks.automation import fingerprint


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    dest = tmp_path_factory.mktemp("handout") / "cookie-lab"
    assert handout(dest) > 100
    return dest


def test_the_handout_has_no_answers_and_its_checker_is_the_release(copy):
    assert not (copy / "solutions").exists() and not (copy / "tests").exists()
    assert workspace.tree(copy / "exercises") == copy / "exercises"
    assert (copy / "exercises" / "01_set_a_cookie" / "app.py").is_file()
    # Its own repository, one commit: the checker's files compare clean against it.
    assert fingerprint.seal(copy).changed == ()


def test_a_handout_over_a_folder_with_files_is_one_line(copy, capsys):
    assert main(["handout", str(copy)]) == 2
    assert capsys.readouterr().err == (
        f"cookie-lab: error: handout {copy}: already there and not an empty folder\n"
    )


def test_reset_asks_first_keeps_the_work_and_puts_the_starter_back(copy, capsys):
    app = copy / "exercises" / "03_visit_counter" / "app.py"
    starter = app.read_text()
    app.write_text("my work\n")
    tree = ["--exercises", str(copy / "exercises")]
    # No terminal to ask at, and no --yes: nothing changes.
    assert main(["reset", "3", *tree]) == 2
    assert "reset 3: nothing changed (--yes resets without asking)" in capsys.readouterr().err
    assert app.read_text() == "my work\n"
    assert main(["reset", "3", "--yes", *tree]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Exercise 3 is back to its starter; your work is kept in ")
    kept = said.rsplit(" ", 1)[1].strip().rstrip(".")
    assert app.read_text() == starter and (copy / kept / "app.py").read_text() == "my work\n"
    assert main(["reset", "3", *tree]) == 0
    assert "already as its starter" in capsys.readouterr().out
