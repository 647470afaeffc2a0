"""A key the request did not have, read as request.cookies["name"]: said as the learner's
mistake, with its line. Flask answers it with 400 Bad Request, which says nothing of why."""

import re

# What the learner's line read the key from, e.g. request.cookies["name"] or request.args[k].
_READ = re.compile(r"request\.(cookies|args|form|headers|values|files)\s*\[")
_NONE = {
    "cookies": "no such cookie",
    "args": "no such query parameter",
    "form": "no such form field",
    "headers": "no such header",
    "values": "no such parameter",
    "files": "no such file",
}


def missing_key(exc, frame, file_name):
    """``exc`` (a BadRequestKeyError) in a sentence; ``frame``: the learner's innermost line
    (a traceback.FrameSummary), None when it came from another file."""
    key = exc.args[0] if exc.args else "?"
    if frame is None:
        return (
            f"it read the key {key!r}, which the request did not have, so Flask answered "
            f"400 Bad Request: read it with .get({key!r}), which gives None when it is missing"
        )
    where = f"on line {frame.lineno} of {file_name} (in {frame.name})"
    read = _READ.search(frame.line or "")
    if read is None:
        return (
            f"it read the key {key!r} {where}, which the request did not have, so Flask "
            f"answered 400 Bad Request: read it with .get({key!r}), which gives None when it "
            "is missing"
        )
    mapping = read.group(1)
    return (
        f"it read request.{mapping}[{key!r}] {where}, and the request carried {_NONE[mapping]}: "
        f"use request.{mapping}.get({key!r}), which gives None (or a default you pass) when "
        "it is missing"
    )
