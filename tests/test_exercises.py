"""The workshop's exercises are real: every solution passes its check, every starter fails it.

All checks share the session's one browser; each check empties its cookie jar first.
"""

import io
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.test import Client

from scenarios.cli.main import main
from scenarios.content.exercises.catalog import AUTOMATION_TRACK as AUTOMATION
from scenarios.content.exercises.catalog import FLASK_TRACK as EXERCISES
from scenarios.core.config import Config
from scenarios.core.errors import UsageError
from scenarios.tracks import exercises
from scenarios.tracks.flask_track.recorder import PRIVATE, Recorder
from scenarios.tracks.flask_track.workshop import check_one
from scenarios.tracks.outcome import Outcome

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Config(headless=True)
LAST = max(e.number for e in EXERCISES + AUTOMATION)
# The Flask track and the automation track's first exercise: enough to put both on one board.
BOTH = len(EXERCISES) + 1
BY_FOLDER = {"ids": lambda e: e.folder}


def check(exercise, app_file, browser):
    return check_one(exercise, app_file, browser, CONFIG, lambda *event: None)


def failures(outcome):
    return [f"{s.narration}: {s.message}" for s in outcome.steps if not s.passed]


@pytest.mark.browser
@pytest.mark.parametrize("exercise", EXERCISES, **BY_FOLDER)
def test_reference_solution_passes_its_check(exercise, browser):
    outcome = check(exercise, ROOT / "solutions" / exercise.folder / "app.py", browser)
    assert outcome.solved, failures(outcome)
    assert len(outcome.steps) > 2 and all(step.passed for step in outcome.steps)


@pytest.mark.browser
@pytest.mark.parametrize("exercise", EXERCISES, **BY_FOLDER)
def test_untouched_starter_starts_but_fails_its_check(exercise, browser, committed_exercises):
    outcome = check(exercise, committed_exercises / exercise.folder / "app.py", browser)
    assert not outcome.solved
    started, *rest = outcome.steps
    assert started.passed, started.message  # incomplete, not broken
    [failed] = [step for step in rest if not step.passed]
    assert failed.message.startswith("expected ") and ", but " in failed.message


def test_every_starter_loads_with_flask_run_and_has_todos(committed_exercises):
    # `flask --app <file> routes` loads the app exactly as `flask --app <file> run` does;
    # the eight start side by side, as a launch is mostly waiting for imports.
    flask = Path(sys.executable).with_name("flask")
    started = {
        exercise.folder: subprocess.Popen(
            [flask, "--app", committed_exercises / exercise.folder / "app.py", "routes"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for exercise in EXERCISES
    }
    for folder, process in started.items():
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, (folder, err)
        assert "GET" in out, folder
        assert "TODO" in (committed_exercises / folder / "app.py").read_text(), folder


def test_every_exercise_has_a_readme_with_tiered_hints_and_a_solution():
    for tree in ("exercises", "solutions"):
        folders = sorted(p.name for p in (ROOT / tree).iterdir() if p.is_dir())
        assert folders == sorted(e.folder for e in EXERCISES + AUTOMATION), tree
    for exercise in EXERCISES:
        readme = (ROOT / "exercises" / exercise.folder / "README.md").read_text()
        assert readme.startswith(f"# Exercise {exercise.number}: {exercise.title}\n")
        for section in ("## Goal", "## What you will see", "## Check it"):
            assert section in readme, (exercise.folder, section)
        for tier in ("Hint 1: a nudge", "Hint 2: the API", "Hint 3: the shape of the answer"):
            assert tier in readme, (exercise.folder, tier)
        assert f"make exercise {exercise.number}" in readme


FIRST = EXERCISES[0]


def learner_app(tmp_path, source):
    app_file = tmp_path / "app.py"
    app_file.write_text(source)
    return app_file


BROKEN = [
    (
        "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/bake')\n"
        "def bake():\n    return flavor\n",
        "expected your app to answer /bake with a page, but it raised NameError: "
        "name 'flavor' is not defined on line 6 (in bake)",
    ),
    (
        "from flask import Flask\napp = Flask(__name__)\n",
        "expected your app to answer /bake with a page, but it has no route for /bake (404)",
    ),
    ("def bake(:\n", "to load, but it has a syntax error on line 1"),
    ("import flask\n", "to define a Flask app named app (or a create_app() that returns one)"),
]


@pytest.mark.browser
@pytest.mark.parametrize("source, says", BROKEN, ids=["raises", "no-route", "syntax", "no-app"])
def test_a_broken_learner_app_is_explained_not_a_traceback(tmp_path, browser, source, says):
    outcome = check(FIRST, learner_app(tmp_path, source), browser)
    assert not outcome.solved
    assert says in outcome.steps[-1].message


FACTORY = """from flask import Flask, make_response


def create_app():
    app = Flask(__name__)

    @app.route("/")
    def home():
        return "<h1>Home</h1>"

    @app.route("/bake")
    def bake():
        response = make_response("<h1>Baked</h1>")
        response.set_cookie("flavour", "chocolate-chip")
        return response

    return app
"""


@pytest.mark.browser
def test_a_learner_app_may_come_from_create_app(tmp_path, browser):
    outcome = check(FIRST, learner_app(tmp_path, FACTORY), browser)
    assert outcome.solved, failures(outcome)


# `python -m scenarios`, checking the exercises/ of the folder it runs in rather than the
# checkout's: both tracks' run() take the folder as their default root.
def cookie_lab_check(*args, root=None):
    """`cookie-lab check ARGS` in the checkout, or on the exercises/ under ``root``: a check
    finds the exercises from its working directory up."""
    return subprocess.run(
        [sys.executable, "-m", "scenarios", "check", *args],
        cwd=root or ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.browser
def test_check_of_a_solution_exits_0_with_its_score():
    done = cookie_lab_check("1", "--solutions")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Solved: exercise 1 passes its check." in done.stdout
    assert "Scoreboard: 1 of 1 solved" in done.stdout


@pytest.mark.browser
def test_checking_every_starter_narrates_the_first_and_points_at_its_file(committed_exercises):
    # Every Flask exercise and the automation track's first: both tracks on one board.
    numbers = [str(e.number) for e in (*EXERCISES, AUTOMATION[0])]
    done = cookie_lab_check(*numbers, root=committed_exercises.parent)
    assert done.returncode == 1, done.stdout + done.stderr
    narrated, _, quiet = done.stdout.partition("The others, checked quietly")
    assert "Exercise 1: Set a cookie\n" in narrated and "Exercise 2" not in narrated
    assert (
        "Expected the browser to store a cookie named flavour, but it holds no cookies."
        in done.stdout
    )
    pointer = "Not solved yet. Edit exercises/01_set_a_cookie/app.py and run the check again"
    assert pointer in " ".join(done.stdout.split())  # unwrapped
    assert f"Scoreboard: 0 of {BOTH} solved" in done.stdout  # both tracks, one board
    assert "Flask track: your app" in done.stdout and "Automation track: your test" in done.stdout
    # Each track narrates its first unsolved exercise in full, then one line for each other.
    assert quiet.count(": NOT SOLVED\n") == BOTH - 2
    board = done.stdout.rpartition("Scoreboard")[2].splitlines()[1:]
    board = [line for line in board if line.split()[0].isdigit()][: len(EXERCISES)]
    assert len(board) == len(EXERCISES) and all(line.endswith("NOT SOLVED") for line in board)
    assert done.stderr == ""


@pytest.mark.parametrize(
    "args, says",
    [
        ([str(LAST + 1)], f"unknown exercise '{LAST + 1}'; choose a number from 1 to {LAST}"),
        (["one"], "unknown exercise 'one'"),
        (["--no-such-flag"], "unrecognized arguments: --no-such-flag"),
    ],
)
def test_check_usage_errors_are_one_line_with_exit_2(args, says, capsys):
    assert main(["check", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cookie-lab: error: ") and err.count("\n") == 1
    assert says in err


@pytest.mark.parametrize("number", ["1", "9"])  # a track each
def test_check_with_a_grid_no_one_answers_is_one_line(number, capsys):
    # From the environment as from --remote-url, before any app or grading child starts.
    environ = {"COOKIE_LAB_REMOTE_URL": "http://127.0.0.1:9"}
    assert main(["check", number], environ=environ) == 2
    assert capsys.readouterr().err == (
        "cookie-lab: error: cannot reach a WebDriver endpoint at --remote-url "
        "http://127.0.0.1:9 (Connection refused)\n"
    )


def test_an_exercise_on_two_sites_is_refused_through_a_grid_in_one_line():
    # Exercises whose lesson is lab.localhost and other.localhost say NEEDS_SITES.
    sites = replace(EXERCISES[0], needs_sites=True)
    assert sites.refusal(CONFIG) is None
    said = sites.refusal(Config(remote_url="http://127.0.0.1:4444"))
    assert said.startswith("exercise 1 cannot be checked through --remote-url: ")
    assert said.endswith("; check it without --remote-url") and "\n" not in said


def test_a_plain_check_through_a_grid_leaves_out_the_two_site_exercises_with_a_note(
    monkeypatch, tmp_path
):
    """With none named, those a Grid cannot check are not checked, said once, and the rest
    are; named, they are refused as before."""
    plain, sites = EXERCISES[0], replace(EXERCISES[1], needs_sites=True)
    later = replace(EXERCISES[2], needs_sites=True)
    checked = []

    @contextmanager
    def checker(config):
        yield lambda exercise, file, emit: checked.append(exercise) or Outcome(exercise, file, True)

    monkeypatch.setitem(exercises.CHECKERS, plain.track, checker)
    grid = Config(remote_url="http://127.0.0.1:4444")
    out = io.StringIO()
    outcomes = exercises.run(grid, [plain, sites, later], tmp_path, out, named=False)
    assert checked == [plain] and [o.exercise for o in outcomes] == [plain]
    said = out.getvalue()
    assert said.startswith(
        "exercises 2-3 need a browser on this machine: not checked through the Grid\n"
    )
    assert "Scoreboard: 1 of 3 solved" in said
    assert said.count("not checked\n") == 2, said
    with pytest.raises(UsageError, match="exercise 2 cannot be checked through --remote-url"):
        exercises.run(grid, [plain, sites], tmp_path, io.StringIO())
    assert checked == [plain]  # refused before any check


def test_the_checkers_questions_are_answered_to_this_machine_only():
    """Served for a Grid's node, the learner's app listens beyond loopback: what its requests
    carried, and its settings (its SECRET_KEY), are the checker's to read, no one else's."""
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "the learner's"
    client = Client(Recorder(app, str))
    asked = PRIVATE + "config/SECRET_KEY"
    for peer in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
        answer = client.get(asked, environ_base={"REMOTE_ADDR": peer})
        assert answer.status_code == 200 and answer.get_json() == "the learner's"
    answer = client.get(asked, environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert answer.status_code == 403 and b"learner" not in answer.data
