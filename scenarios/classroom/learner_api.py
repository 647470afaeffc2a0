"""The learners' side of the class server: join with the class code and a name, then post
verdicts with the key that joining gave. The key names the learner, so a learner can post
only their own verdicts; the body never says whose they are."""

from flask import Blueprint, current_app, jsonify, request

from scenarios.classroom import wire
from scenarios.classroom.guard import bearer, same_secret
from scenarios.classroom.store import NameTaken

api = Blueprint("learner_api", __name__, url_prefix="/api")


def refuse(status, reason, headers=(), **fields):
    """A 4xx with its reason in one line: {"error": reason, ...fields}."""
    response = jsonify(error=reason, **fields)
    response.status_code = status
    response.headers.update(dict(headers))
    return response


def _json():
    body = request.get_json(silent=True)
    if body is None:
        raise wire.BadInput("the body is not JSON (Content-Type: application/json)")
    return body


@api.post("/join")
def join():
    classroom = current_app.extensions["classroom"]
    try:
        body = _json()
        code = body.get("code") if isinstance(body, dict) else None
        if not code:
            return refuse(401, "no class code: join with --code CODE", {"WWW-Authenticate": "Code"})
        # Only wrong codes are counted: 30 learners joining from one NAT address at once
        # must all get in, a guesser must not.
        wait = classroom.guesses.waiting(request.remote_addr)
        if wait:
            return refuse(429, "too many wrong codes: wait", {"Retry-After": str(int(wait) + 1)})
        if not same_secret(code, classroom.code):
            classroom.guesses.allow(request.remote_addr)
            return refuse(403, "wrong class code")
        name = wire.clean_name(body.get("name"))
    except wire.BadInput as exc:
        return refuse(400, exc.reason)
    try:
        key = classroom.store.add_learner(name)
    except NameTaken:
        return refuse(409, f"the name {name!r} is taken in this class")
    return jsonify(name=name, key=key)


@api.post("/verdicts")
def verdicts():
    classroom = current_app.extensions["classroom"]
    key = bearer(request)
    if key is None:
        return refuse(401, "no learner key: join the class first", {"WWW-Authenticate": "Bearer"})
    learner = classroom.store.learner(key)
    if learner is None:
        return refuse(403, "this classroom does not know your key: join it again")
    wait = classroom.posts.allow(learner[0])
    if wait:
        return refuse(429, "too many posts: wait", {"Retry-After": str(int(wait) + 1)})
    try:
        batch = wire.parse_batch(_json())
    except wire.BadInput as exc:
        # Which verdict, so that the learner's outbox can set that one aside and send the rest.
        return refuse(400, exc.reason, index=exc.index)
    stored = classroom.store.add_verdicts(learner[0], batch)
    # Every key is acknowledged, the new and the ones sent before: the learner's outbox
    # forgets them all, and nothing is counted twice.
    return jsonify(stored=stored, again=len(batch) - stored, keys=[v["key"] for v in batch])
