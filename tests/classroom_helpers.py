"""A classroom for the tests: its app over a Store in a temporary file, and verdicts as a
learner's check would post them."""

import secrets

from scenarios.classroom.server import Classroom, create_app
from scenarios.classroom.store import Store

CODE, TOKEN, FINGERPRINT = "COOKIE1", "instructor-token-1", "abc123"


def make_classroom(path, **limits):
    return Classroom(Store(path), CODE, TOKEN, FINGERPRINT, **limits)


def app_of(classroom):
    app = create_app(classroom)
    app.testing = True
    return app


def verdict(exercise=1, solved=False, failure="Expected a cookie named flavour.", **fields):
    return {
        "key": secrets.token_urlsafe(12), "exercise": exercise, "solved": solved,
        "quiet": False, "passed": 1, "total": 3, "failure": None if solved else failure,
        "seconds": 1.5, "at": "2026-12-06T10:00:00+00:00", "fingerprint": FINGERPRINT,
        "changed": False, **fields,
    }  # fmt: skip


def join(client, name, code=CODE):
    response = client.post("/api/join", json={"code": code, "name": name})
    assert response.status_code == 200, response.json
    return response.json["key"]


def post(client, key, *verdicts):
    return client.post(
        "/api/verdicts",
        json={"verdicts": list(verdicts)},
        headers={"Authorization": f"Bearer {key}"},
    )


def progress(client):
    response = client.get("/progress.json", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    return response.json
