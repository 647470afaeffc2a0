"""The class server through the Flask test client (exact statuses and headers): joining with
the class code, posting one's own verdicts once, the caps, the limits, the board's login and
the instructor's token, and the progress it all adds up to."""

import pytest
from classroom_helpers import CODE, TOKEN, app_of, join, make_classroom, post, progress, verdict

from scenarios.classroom.guard import RateLimit
from scenarios.classroom.wire import BODY_MOST, NAME_MOST
from scenarios.content.exercises.catalog import EXERCISES


@pytest.fixture
def classroom(tmp_path):
    room = make_classroom(tmp_path / "class.db")
    yield room
    room.store.close()


@pytest.fixture
def client(classroom):
    return app_of(classroom).test_client()


def test_joining_needs_the_class_code_401_without_it_403_when_wrong(client):
    missing = client.post("/api/join", json={"name": "Ada"})
    assert (missing.status_code, missing.headers["WWW-Authenticate"]) == (401, "Code")
    wrong = client.post("/api/join", json={"code": "NOPE", "name": "Ada"})
    assert (wrong.status_code, wrong.json) == (403, {"error": "wrong class code"})
    assert len(join(client, "Ada")) >= 32


@pytest.mark.parametrize(
    "name, reason",
    [("", "the name is empty"), (" \n\t", "the name is empty"), ("x" * (NAME_MOST + 1), "at most")],
)
def test_a_bad_name_is_a_400_with_its_reason(client, name, reason):
    response = client.post("/api/join", json={"code": CODE, "name": name})
    assert response.status_code == 400 and reason in response.json["error"]


def test_a_name_is_one_line_and_taken_once(client):
    assert client.post("/api/join", json={"code": CODE, "name": "Ada\n\x1b[31m L"}).json[
        "name"
    ] == ("Ada [31m L")
    join(client, "Grace")
    taken = client.post("/api/join", json={"code": CODE, "name": "Grace"})
    assert taken.status_code == 409 and "taken" in taken.json["error"]


def test_wrong_codes_are_limited_per_address_and_then_even_the_right_one_waits(tmp_path):
    room = make_classroom(tmp_path / "c.db", guesses=RateLimit(burst=2, per_second=0.001))
    client = app_of(room).test_client()
    for _ in range(2):
        assert client.post("/api/join", json={"code": "x", "name": "A"}).status_code == 403
    limited = client.post("/api/join", json={"code": CODE, "name": "A"})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1


def test_posting_needs_a_learners_key_401_without_403_unknown(client):
    none = client.post("/api/verdicts", json={"verdicts": [verdict()]})
    assert (none.status_code, none.headers["WWW-Authenticate"]) == (401, "Bearer")
    unknown = post(client, "not-a-key-of-this-class", verdict())
    assert unknown.status_code == 403 and "join it again" in unknown.json["error"]


def test_a_verdict_sent_twice_is_stored_once(client):
    key = join(client, "Ada")
    first, second = verdict(), verdict(exercise=2)
    sent = post(client, key, first, second)
    assert sent.status_code == 200
    assert sent.json == {"stored": 2, "again": 0, "keys": [first["key"], second["key"]]}
    # Its answer was lost on the way back: the outbox sends it again, with a new one.
    again = post(client, key, first, verdict(exercise=3))
    assert (again.json["stored"], again.json["again"]) == (1, 1)
    cells = progress(client)["learners"][0]["exercises"]
    assert {n: c["attempts"] for n, c in cells.items()} == {"1": 1, "2": 1, "3": 1}


def test_a_learner_posts_only_their_own_verdicts(client):
    ada, grace = join(client, "Ada"), join(client, "Grace")
    # Whatever the body says, the key says whose verdict it is.
    post(client, ada, verdict(solved=True, name="Grace", learner="Grace"))
    by_name = {x["name"]: x for x in progress(client)["learners"]}
    assert by_name["Ada"]["solved"] == 1 and by_name["Grace"]["exercises"] == {}
    assert grace


@pytest.mark.parametrize(
    "bad, reason",
    [
        ({"exercise": 99}, f"exercise: one of 1 to {len(EXERCISES)}"),
        ({"exercise": True}, "exercise"),
        ({"passed": 4, "total": 3}, "passed and total"),
        ({"key": "short"}, "key"),
        ({"at": "yesterday"}, "at: an ISO 8601 time"),
        ({"solved": "yes"}, "solved: true or false"),
        ({"fingerprint": "<b>"}, "fingerprint"),
        ({"seconds": -1}, "seconds"),
    ],
)
def test_one_bad_verdict_refuses_the_batch_naming_it_and_stores_nothing(client, bad, reason):
    key = join(client, "Ada")
    response = post(client, key, verdict(), verdict(**{"exercise": 2, **bad}))
    assert response.status_code == 400
    assert response.json["index"] == 1 and response.json["error"].startswith("verdict 1: ")
    assert reason in response.json["error"]
    assert progress(client)["learners"][0]["exercises"] == {}


@pytest.mark.parametrize(
    "body, status, reason",
    [
        (b"not json", 400, "not JSON"),
        (b'{"verdicts": []}', 400, "1 to 50"),
        (b'{"verdicts": {}}', 400, '{"verdicts": [...]}'),
        (b'{"verdicts": ["' + b"x" * BODY_MOST + b'"]}', 413, "over 64 KiB"),
    ],
)
def test_a_body_that_is_not_a_batch_is_a_4xx_with_its_reason(client, body, status, reason):
    key = join(client, "Ada")
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    response = client.post("/api/verdicts", data=body, headers=headers)
    assert response.status_code == status and reason in response.json["error"]


def test_a_long_sentence_is_capped_and_kept_on_one_line(client):
    key = join(client, "Ada")
    post(client, key, verdict(failure="line one\nline two " + "x" * 1000))
    said = progress(client)["learners"][0]["exercises"]["1"]["last_failure"]
    assert said.startswith("line one line two x") and len(said) == 300 and said.endswith("…")


def test_a_learner_posting_in_a_loop_is_told_to_wait(tmp_path):
    room = make_classroom(tmp_path / "c.db", posts=RateLimit(burst=3, per_second=0.001))
    client = app_of(room).test_client()
    key = join(client, "Ada")
    statuses = [post(client, key, verdict()).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert int(post(client, key, verdict()).headers["Retry-After"]) >= 1


def test_the_board_is_behind_a_login_and_its_session_cookie_is_httponly_samesite_strict(client):
    assert client.get("/board").headers["Location"] == "/login"
    assert client.get("/board.json").status_code == 401
    wrong = client.post("/login", data={"token": "guess"})
    assert wrong.status_code == 403 and b"not this classroom&#39;s token" in wrong.data
    assert "Set-Cookie" not in wrong.headers
    signed_in = client.post("/login", data={"token": TOKEN})
    assert (signed_in.status_code, signed_in.headers["Location"]) == (303, "/board")
    cookie = signed_in.headers["Set-Cookie"]
    attributes = {part.strip().split("=")[0] for part in cookie.split(";")[1:]}
    assert attributes == {"Expires", "Max-Age", "HttpOnly", "Path", "SameSite"}, cookie
    assert "SameSite=Strict" in cookie and "Path=/" in cookie and "Max-Age=43200" in cookie
    assert TOKEN not in cookie
    page = client.get("/board")
    assert page.status_code == 200 and b'src="/static/board.js"' in page.data
    assert client.get("/board.json").status_code == 200
    client.post("/logout")
    assert client.get("/board.json").status_code == 401


def test_progress_json_needs_the_instructors_bearer_token(client):
    missing = client.get("/progress.json")
    assert (missing.status_code, missing.headers["WWW-Authenticate"]) == (401, "Bearer")
    wrong = client.get("/progress.json", headers={"Authorization": "Bearer " + CODE})
    assert wrong.status_code == 403
    assert client.get("/progress.csv").status_code == 401


def test_every_answer_carries_the_headers_that_keep_the_board_text(client):
    response = client.get("/login")
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/nowhere").json == {"error": "the requested url was not found on the server"}
