"""Check the learner's apps in a real browser, one exercise after another, and keep score."""

from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selenium.common.exceptions import TimeoutException, WebDriverException

from scenarios.browser import Browser
from scenarios.config import UsageError
from scenarios.exercises.learner import AppGone, LearnerApp
from scenarios.exercises.narration import ExerciseNarrator, shown
from scenarios.lab import CheckFailed, Lab

# The project's own checkout: the exercises/ and solutions/ trees sit beside scenarios/.
ROOT = Path(__file__).resolve().parents[2]


class ExerciseLab(Lab):
    """A Lab on the learner's app: what a request carried comes from the server's side."""

    app_file = None
    recorder = None  # the LearnerApp: what each request carried, how the app answered
    shown_as = ""

    def serve(self, app_file, stack):
        self.app_file = app_file
        app = LearnerApp(
            app_file, self.shown_as, self.config.page_load_seconds, self.config.app_start_seconds
        )
        self.recorder = stack.enter_context(app)
        self.base_url = self.recorder.url

    def app_config(self, name):
        """The learner's ``app.config[name]``, read from the app's own process."""
        return self.recorder.config(name)

    def visit(self, url):
        """Load ``url`` and insist the learner's app answered its path with a page."""
        path = urlsplit(url).path
        expected = f"expected your app to answer {path} with a page"
        try:
            super().visit(url)
            exchange = self.recorder.last.get(path)
        except TimeoutException:
            raise CheckFailed(
                f"your app did not answer {path} within {self.config.page_load_seconds:g} s: "
                "an endless loop?"
            ) from None
        except WebDriverException:
            # The browser's "connection refused" says less than why: the app's process ended.
            if gone := self.recorder.gone():
                raise CheckFailed(f"{expected}, but {gone}") from None
            raise
        except AppGone as exc:  # or the browser showed its error page, and the app is gone
            raise CheckFailed(f"{expected}, but {exc.reason}") from None
        self.check(exchange is not None, f"{expected}, but the request never reached it")
        if exchange.error is not None:
            raise CheckFailed(f"{expected}, but {exchange.error}")
        self.check(exchange.status != 404, f"{expected}, but it has no route for {path} (404)")
        self.check(exchange.status < 400, f"{expected}, but it answered {exchange.status}")

    def _carried_at(self):
        path = self.path
        exchange = self.recorder.last.get(path)
        return path, exchange.cookies if exchange else {}

    def set_cookie_headers(self):
        """The Set-Cookie headers the app answered the current page with, as it sent them."""
        exchange = self.recorder.last.get(self.path)
        return list(exchange.set_cookies) if exchange else []

    def heading(self):
        self._point_at("h1")  # boxed by the overlay in a headed run
        headings = self.driver.find_elements("tag name", "h1")
        return headings[0].text if headings else ""

    def expect_heading(self, text):
        said = self.heading()
        saw = f'it says "{said}"' if said else "the page has no <h1> heading"
        self.check(said == text, f'expected the page\'s heading to say "{text}", but {saw}')

    def expect_stored(self, name, value=None):
        """The cookie as the browser stores it; fails when it is missing or holds another value."""
        cookie = self.stored(name)
        if cookie is None:
            names = sorted(c["name"] for c in self.store())
            holds = f"it holds only {', '.join(names)}" if names else "it holds no cookies"
            raise CheckFailed(f"expected the browser to store a cookie named {name}, but {holds}")
        self.check(
            value is None or cookie["value"] == value,
            f"expected the browser to store {name}={value}, but it stores {name}={cookie['value']}",
        )
        return cookie

    def expect_lifetime(self, name, seconds, within):
        """``name`` is stored with an expiry about ``seconds`` away (give or take ``within``)."""
        self.expect_stored(name)
        left = self.days_to_expiry(name) * 86400
        self.check(
            abs(left - seconds) <= within,
            f"expected {name} to expire in about {_duration(seconds)}, but it expires in "
            f"{_duration(left)}",
        )


def _duration(seconds):
    if abs(seconds) >= 2 * 86400:
        return f"{seconds / 86400:.0f} days"
    return f"{seconds:.0f} seconds"


@dataclass
class Outcome:
    exercise: object
    app_file: Path
    steps: list = field(default_factory=list)
    solved: bool = False


def check_one(exercise, app_file, browser, config, emit):
    """Serve ``app_file`` on a free loopback port and run ``exercise``'s check against it."""
    lab = ExerciseLab(browser, None, config, emit)
    lab.shown_as = shown(app_file)
    lab.scenario_name = f"Exercise {exercise.number}: {exercise.title}"  # the overlay's title
    lab.clear_cookies()
    outcome = Outcome(exercise, app_file, lab.steps)
    emit("exercise_started", exercise)
    with ExitStack() as stack:
        try:
            with lab.step(f"Start your app from {lab.shown_as}"):
                lab.serve(app_file, stack)
            exercise.check(lab)
            outcome.solved = True
        except CheckFailed:
            outcome.solved = False
    emit("exercise_finished", outcome)
    return outcome


def run(config, exercises, tree="exercises", out=None, root=ROOT):
    """Check every one of ``exercises`` in one browser, and keep score.

    The first not yet solved is narrated in full, for it is the one to work on next; the
    ones after it are checked quietly, so the scoreboard says which of them are solved too.
    """
    if config.remote_url:
        # The checks read the cookie store, path cookies included, through DevTools.
        raise UsageError("exercise checks need a local Chromium; unset COOKIE_LAB_REMOTE_URL")
    narrator = ExerciseNarrator(out)
    outcomes = []
    with Browser(config) as browser:
        for exercise in exercises:
            app_file = root / tree / exercise.folder / "app.py"
            narrate = narrator.event if all(o.solved for o in outcomes) else narrator.quietly
            outcomes.append(check_one(exercise, app_file, browser, config, narrate))
    narrator.scoreboard(exercises, outcomes)
    return outcomes
