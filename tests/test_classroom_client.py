"""The learner's side: joining (each refusal one line, exit 2), and the outbox. A classroom
that is down, or never answers, adds at most half a second to a check; its verdicts go with
the next check, each once."""

import io
import socket
import time
from pathlib import Path

import pytest
from classroom_helpers import CODE, TOKEN, app_of, make_classroom, progress

from scenarios.classroom import membership
from scenarios.classroom.outbox import Outbox
from scenarios.classroom.reporter import BUDGET, ClassReporter, reporters
from scenarios.classroom.verdicts import quiet_flags, steps
from scenarios.cli.main import main
from scenarios.content.exercises.catalog import BY_NUMBER
from scenarios.core.records import Step
from scenarios.lab.server import LabServer
from scenarios.tracks.automation.run import Run
from scenarios.tracks.outcome import Outcome

# What the reporter may add beyond its budget: writing one line, on a loaded machine.
SLACK = 0.1


@pytest.fixture
def classroom(tmp_path):
    room = make_classroom(tmp_path / "class.db")
    with LabServer(app_of(room)) as server:
        room.url = server.url
        yield room
    room.store.close()


@pytest.fixture
def checkout(tmp_path):
    (tmp_path / "learner" / "exercises" / BY_NUMBER[1].folder).mkdir(parents=True)
    return tmp_path / "learner"


def failed_check(number=1):
    steps = [Step("Start your app", True), Step("Visit /bake", False, "expected a cookie")]
    return Outcome(BY_NUMBER[number], Path("app.py"), False, steps=steps, seconds=1.25)


def report(reporter, *outcomes):
    """A check's end, as cli/commands.py tells the reporter; how long the reporter took."""
    started = time.monotonic()
    for outcome in outcomes:
        reporter.exercise_finished(outcome)
    reporter.run_finished(list(outcomes))
    return time.monotonic() - started


def test_a_wrong_code_is_one_line_on_the_learners_side(classroom, checkout, capsys):
    args = ["join", classroom.url, "--code", "WRONG", "--name", "Ada"]
    assert main([*args, "--exercises", str(checkout / "exercises")]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"cookie-lab: error: the classroom at {classroom.url} refused the class code 'WRONG': "
        "check it\n"
    )
    assert not membership.Membership.file(checkout).exists()


def test_no_classroom_and_a_taken_name_are_one_line_each(classroom, checkout, capsys):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{free.getsockname()[1]}"
    tree = ["--exercises", str(checkout / "exercises")]
    assert main(["join", nowhere, "--code", CODE, "--name", "Ada", *tree]) == 2
    assert f"no classroom answers at {nowhere} (Connection refused)" in capsys.readouterr().err
    assert main(["join", classroom.url, "--code", CODE, "--name", "Ada", *tree]) == 0
    assert main(["join", classroom.url, "--code", CODE, "--name", "Ada", *tree]) == 2
    assert "'Ada' is taken in this class" in capsys.readouterr().err
    assert main(["leave", *tree]) == 0
    assert capsys.readouterr().out == f"Left the class at {classroom.url}.\n"
    assert reporters(checkout / "exercises", io.StringIO()) == []


def never_answering():
    """A port that takes connections (the kernel's backlog) and never answers on them."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    return sock


@pytest.mark.parametrize("down", ["never answers", "refuses"])
def test_a_classroom_that_is_down_costs_a_check_half_a_second_and_loses_nothing(
    classroom, checkout, down
):
    joined = membership.join(classroom.url, CODE, "Ada", checkout)
    hung = never_answering()
    port = hung.getsockname()[1]
    if down == "refuses":
        hung.close()
    away = membership.Membership(f"http://127.0.0.1:{port}", joined.name, joined.key)
    out = io.StringIO()
    try:
        took = report(ClassReporter(away, checkout, out), failed_check(1))
    finally:
        hung.close()
    assert took < BUDGET + SLACK, f"the classroom held the check {took:.2f} s"
    assert "1 verdict(s) wait in .cookie-lab/outbox.json and go with your next check" in (
        out.getvalue()
    )
    # Back up: the next check sends both verdicts, and each is stored once.
    out = io.StringIO()
    took = report(ClassReporter(joined, checkout, out), failed_check(2))
    assert out.getvalue() == f"Classroom ({classroom.url}, as Ada): 2 verdict(s) sent.\n"
    assert Outbox(checkout / ".cookie-lab").pending() == []
    cells = progress(app_of(classroom).test_client())["learners"][0]["exercises"]
    assert {n: c["attempts"] for n, c in cells.items()} == {"1": 1, "2": 1}
    assert cells["1"]["last_failure"] == "Expected a cookie." and cells["1"]["total"] >= 2


def test_a_key_the_classroom_forgot_is_one_line_and_the_verdicts_wait(classroom, checkout):
    stranger = membership.Membership(classroom.url, "Ada", "a-key-this-class-never-gave")
    out = io.StringIO()
    report(ClassReporter(stranger, checkout, out), failed_check(1))
    assert out.getvalue() == (
        f"Classroom ({classroom.url}, as Ada) said HTTP 403: this classroom does not know your "
        "key: join it again; 1 verdict(s) wait in .cookie-lab/outbox.json and go with your next "
        "check.\n"
    )
    assert TOKEN not in out.getvalue()


def test_steps_are_the_automation_tracks_runs_that_went_as_they_should():
    runs = [Run(None, passed=1)] * 4 + [
        Run("no-path", failure="caught"),
        Run("no-expiry", passed=1),
    ]
    outcome = Outcome(BY_NUMBER[11], Path("t.py"), False, runs=runs)
    assert steps(outcome) == (5, 4 + len(BY_NUMBER[11].broken))


def test_after_the_runs_first_unsolved_the_rest_were_checked_in_passing():
    solved = Outcome(BY_NUMBER[1], Path("a"), True)
    outcomes = [solved, failed_check(2), failed_check(3), Outcome(BY_NUMBER[9], Path("t"), True)]
    assert quiet_flags(outcomes) == [False, False, True, True]
