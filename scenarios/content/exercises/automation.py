"""The automation track's manifest: its exercises in order, each with the broken labs its
test must catch. Exercise N lives in exercises/NN_<slug>/test_<slug>.py, numbered after the
Flask track's."""

from dataclasses import dataclass

from lab_app.broken import BROKEN_LABS
from scenarios.content.exercises import catalog as flask_catalog
from scenarios.core.config import UsageError


@dataclass(frozen=True)
class AutomationExercise:
    number: int
    slug: str
    title: str
    # The broken labs (lab_app/broken.py) on which the learner's test must fail.
    broken: tuple[str, ...]

    @property
    def folder(self):
        return f"{self.number:02d}_{self.slug}"

    @property
    def test_name(self):
        return f"test_{self.slug}.py"

    def __post_init__(self):
        unknown = set(self.broken) - set(BROKEN_LABS)
        if unknown or not self.broken:
            raise ValueError(f"exercise {self.number}: unknown broken labs {sorted(unknown)}")


_FIRST = len(flask_catalog.EXERCISES) + 1

EXERCISES = tuple(
    AutomationExercise(number, slug, title, broken)
    for number, (slug, title, broken) in enumerate(
        (
            (
                "second_request",
                "Test that a cookie comes back on the next request",
                (
                    "set-on-second-visit",
                    "set-cookie-sets-nothing",
                    "session-cookie-own-path",
                    "set-cookie-misnamed",
                    "set-cookie-redirects",
                ),
            ),
            (
                "update_cookie",
                "Test that setting a cookie again replaces its value",
                (
                    "update-keeps-value",
                    "update-adds-second-cookie",
                    "update-sets-new-name",
                    "update-only-if-missing",
                ),
            ),
            (
                "path_cookie",
                "Test where a path cookie is carried",
                ("path-cookie-at-root", "path-cookie-trailing-slash", "path-cookie-on-lookalike"),
            ),
            (
                "delete_cookies",
                "Test that deleting cookies leaves none, the path cookie included",
                ("delete-by-name-only", "delete-keeps-long-cookie"),
            ),
            (
                "expiring_cookie",
                "Test that an expiring cookie expires, with an explicit wait",
                ("expiry-never", "expiry-60s", "expiry-at-once"),
            ),
            (
                "session_restart",
                "Test that a browser restart ends the session cookie only",
                (
                    "session-cookie-persists",
                    "long-cookie-session-only",
                    "session-restored-by-long-cookie",
                    "set-cookie-sets-nothing",
                ),
            ),
            (
                "httponly_cookie",
                "Test that page scripts cannot read an HttpOnly cookie",
                ("httponly-missing", "httponly-on-script-cookie", "httponly-cookie-not-set"),
            ),
        ),
        start=_FIRST,
    )
)

BY_NUMBER = {e.number: e for e in EXERCISES}


def select(numbers):
    """(Flask exercises, automation exercises) by number, in the order given; every one of
    both tracks when none is named."""
    if not numbers:
        return list(flask_catalog.EXERCISES), list(EXERCISES)
    last = EXERCISES[-1].number
    flask, automation = [], []
    for text in dict.fromkeys(numbers):
        if not text.isdigit() or not 1 <= int(text) <= last:
            raise UsageError(f"unknown exercise {text!r}; choose a number from 1 to {last}")
        number = int(text)
        if number in BY_NUMBER:
            automation.append(BY_NUMBER[number])
        else:
            flask.append(flask_catalog.EXERCISES[number - 1])
    return flask, automation
