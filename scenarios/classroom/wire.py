"""A verdict as it crosses from a learner's check to the classroom, and the caps on all a
learner sends. Both sides use these: the client never sends what the server would refuse, and
the server refuses a whole batch for one bad verdict, naming it, so nothing is stored half-way.
"""

import re
import unicodedata
from datetime import datetime

from scenarios.content.exercises.catalog import BY_NUMBER

NAME_MOST = 40
SENTENCE_MOST = 300
BATCH_MOST = 50
BODY_MOST = 64 * 1024
KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")
FINGERPRINT = re.compile(r"[0-9a-f]{1,64}")


class BadInput(ValueError):
    """What a learner sent cannot be stored: ``reason`` says why, ``index`` which verdict."""

    def __init__(self, reason, index=None):
        super().__init__(reason)
        self.reason, self.index = reason, index


def _printable(text):
    # Control characters (a newline, an ANSI escape, a right-to-left override) become spaces:
    # a name or a sentence is one line on the board and in the CSV.
    return " ".join("".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).split())


def clean_name(name):
    """A learner's name, one line of at most NAME_MOST characters, or BadInput."""
    if not isinstance(name, str) or not _printable(name):
        raise BadInput("the name is empty: give the name the class knows you by")
    name = _printable(name)
    if len(name) > NAME_MOST:
        raise BadInput(f"the name is {len(name)} characters long; at most {NAME_MOST}")
    return name


def sentence(text):
    """A failure sentence, one line, capped at SENTENCE_MOST characters (an ellipsis says so)."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise BadInput("failure is text or null")
    text = _printable(text)
    return text if len(text) <= SENTENCE_MOST else text[: SENTENCE_MOST - 1] + "…"


def parse_batch(body):
    """The verdicts in a posted ``body`` ({"verdicts": [...]}), each checked; or BadInput."""
    if not isinstance(body, dict) or not isinstance(body.get("verdicts"), list):
        raise BadInput('the body is {"verdicts": [...]}')
    verdicts = body["verdicts"]
    if not 1 <= len(verdicts) <= BATCH_MOST:
        raise BadInput(f"a batch holds 1 to {BATCH_MOST} verdicts, got {len(verdicts)}")
    parsed = []
    for index, verdict in enumerate(verdicts):
        try:
            parsed.append(_verdict(verdict))
        except BadInput as exc:
            raise BadInput(f"verdict {index}: {exc.reason}", index) from None
    return parsed


def _verdict(v):
    if not isinstance(v, dict):
        raise BadInput("a verdict is an object")
    key, exercise = v.get("key"), v.get("exercise")
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise BadInput("key: 8 to 64 letters, digits, - or _")
    if type(exercise) is not int or exercise not in BY_NUMBER:
        raise BadInput(f"exercise: one of {min(BY_NUMBER)} to {max(BY_NUMBER)}")
    passed, total = v.get("passed"), v.get("total")
    if not all(type(n) is int and 0 <= n <= 1000 for n in (passed, total)) or passed > total:
        raise BadInput("passed and total: whole numbers, 0 <= passed <= total <= 1000")
    seconds = v.get("seconds")
    if type(seconds) not in (int, float) or not 0 <= seconds <= 86400:
        raise BadInput("seconds: a number from 0 to 86400")
    for flag in ("solved", "quiet"):
        if type(v.get(flag)) is not bool:
            raise BadInput(f"{flag}: true or false")
    at = v.get("at")
    try:
        datetime.fromisoformat(at if isinstance(at, str) and len(at) <= 40 else "")
    except ValueError:
        raise BadInput("at: an ISO 8601 time") from None
    fingerprint, changed = v.get("fingerprint"), v.get("changed")
    if not isinstance(fingerprint, str) or not FINGERPRINT.fullmatch(fingerprint):
        raise BadInput("fingerprint: the checker's, in hex")
    if type(changed) is not bool:
        raise BadInput("changed: true or false")
    return {
        "key": key, "exercise": exercise, "solved": v["solved"], "quiet": v["quiet"],
        "passed": passed, "total": total, "failure": sentence(v.get("failure")),
        "seconds": float(seconds), "at": at, "fingerprint": fingerprint, "changed": changed,
    }  # fmt: skip
