"""What the board makes of the verdicts: cells solved / attempted / not started, the learners
stuck longest first, each exercise's commonest failure, the CSV, and a restart of the
classroom (a real process, killed) that loses nothing it acknowledged."""

import csv
import io
import re
import signal
import subprocess
import sys
import time

import pytest
from classroom_helpers import FINGERPRINT, app_of, join, make_classroom, post, verdict
from helpers import Lines

from scenarios.classroom import store as store_module
from scenarios.classroom import transport
from scenarios.classroom.progress import progress
from scenarios.classroom.store import Store

T0 = 1_800_000_000.0


@pytest.fixture
def room(tmp_path):
    room = make_classroom(tmp_path / "class.db")
    yield room
    room.store.close()


def at(monkeypatch, minutes):
    """Verdicts posted from now on are received ``minutes`` after T0."""
    monkeypatch.setattr(store_module.time, "time", lambda: T0 + minutes * 60)


def test_cells_say_solved_when_attempted_how_long_and_what_failed_last(room, monkeypatch):
    client = app_of(room).test_client()
    ada = join(client, "Ada")
    at(monkeypatch, 0)
    post(client, ada, verdict(1, failure="First."), verdict(2, quiet=True, failure="Quiet."))
    at(monkeypatch, 4)
    post(client, ada, verdict(1, failure="Second."))
    at(monkeypatch, 6)
    post(client, ada, verdict(1, solved=True), verdict(2, quiet=True, failure="Quiet."))
    cells = progress(room.store, T0 + 10 * 60, FINGERPRINT)["learners"][0]["exercises"]
    # Exercise 2 was only ever checked quietly, after the unsolved 1: not started.
    assert set(cells) == {"1"}
    one = cells["1"]
    assert (one["solved"], one["attempts"], one["minutes"]) == (True, 3, 6.0)
    assert one["last_failure"] == "Second." and one["solved_at"].endswith("06:00+00:00")


def test_the_learners_stuck_longest_come_first_and_each_exercise_says_its_commonest_failure(
    room, monkeypatch
):
    client = app_of(room).test_client()
    keys = {name: join(client, name) for name in ("Ada", "Grace", "Linus")}
    at(monkeypatch, 0)
    post(client, keys["Grace"], verdict(3, failure="No cookie."))
    post(client, keys["Grace"], verdict(3, failure="No cookie."))  # her retries count once
    at(monkeypatch, 5)
    post(client, keys["Linus"], verdict(3, failure="Wrong path."))
    post(client, keys["Ada"], verdict(3, failure="No cookie."))
    post(client, keys["Ada"], verdict(1, solved=True))
    at(monkeypatch, 3)
    post(client, keys["Linus"], verdict(2, failure="Left long ago."))  # he moved on to 3
    model = progress(room.store, T0 + 20 * 60, FINGERPRINT)
    order = [(x["name"], x["stuck_minutes"], x["stuck_on"]) for x in model["learners"]]
    assert order == [("Grace", 20.0, 3), ("Linus", 15.0, 3), ("Ada", 15.0, 3)]
    three = model["exercises"][2]
    assert (three["attempted"], three["solved"]) == (3, 0)
    assert (three["commonest_failure"], three["learners_with_it"]) == ("No cookie.", 2)
    assert model["exercises"][0]["solved"] == 1


def test_a_verdict_from_a_changed_checker_is_flagged(room):
    client = app_of(room).test_client()
    ada, grace = join(client, "Ada"), join(client, "Grace")
    post(client, ada, verdict(1, changed=True))
    post(client, grace, verdict(1, fingerprint="0123456789abcdef"))  # not the class's checker
    linus = join(client, "Linus")
    post(client, linus, verdict(1, changed=True))
    post(client, linus, verdict(1, solved=True))  # put back, and solved with the class's checker
    flagged = {
        x["name"]: x["checker_changed"] for x in progress(room.store, T0, FINGERPRINT)["learners"]
    }
    assert flagged == {"Ada": True, "Grace": True, "Linus": False}


def test_the_csv_has_a_row_per_cell_and_no_formula_in_it(room):
    client = app_of(room).test_client()
    key = join(client, "=HYPERLINK(evil)")
    post(client, key, verdict(1, failure="@SUM(1)"))
    client.post("/login", data={"token": room.token})
    response = client.get("/progress.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="progress.csv"'
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["name", "exercise", "state"]
    assert rows[1][:3] == ["'=HYPERLINK(evil)", "1", "attempted"] and rows[1][8] == "'@SUM(1)"


def test_a_restart_of_the_classroom_loses_nothing(tmp_path):
    """The classroom as an instructor runs it, killed (SIGKILL: no goodbye) after it has
    acknowledged a verdict; started again on the same --db, it is the same class: the same
    port, code and token, the learner's key still good, the verdict still there."""
    db = tmp_path / "class.db"
    command = [sys.executable, "-m", "scenarios", "classroom", "--db", str(db)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        said = _until_open(first)
        url = re.search(r"open at (\S+) ", said)[1]
        code = re.search(r"--code (\S+)", said)[1]
        token = re.search(r"#token=(\S+)", said)[1]
        status, joined = transport.post(f"{url}/api/join", {"code": code, "name": "Ada"}, 5)
        assert status == 200
        sent = verdict(1, solved=True, fingerprint="abc")
        status, _ = transport.post(f"{url}/api/verdicts", {"verdicts": [sent]}, 5, joined["key"])
        assert status == 200
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        said = _until_open(second)
        assert f"open at {url} " in said and f"--code {code} " in said and f"#token={token}" in said
        again = verdict(2, fingerprint="abc")
        status, answer = transport.post(
            f"{url}/api/verdicts", {"verdicts": [sent, again]}, 5, joined["key"]
        )
        assert (status, answer["stored"], answer["again"]) == (200, 1, 1)
    finally:
        second.send_signal(signal.SIGINT)
        _, err = second.communicate(timeout=10)
    assert second.returncode == 0 and "The classroom is closed" in err
    store = Store(db)
    cells = progress(store, time.time(), "abc")["learners"][0]["exercises"]
    store.close()
    assert (cells["1"]["solved"], cells["2"]["solved"]) == (True, False)


def _until_open(process):
    lines = Lines(process.stdout)
    lines.until("Ctrl-C closes", within=20)
    return "".join(lines.seen)
