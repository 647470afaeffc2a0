"""Check the learner's apps in a real browser, one exercise after another, and keep score."""

import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selenium.common.exceptions import WebDriverException

from scenarios.browser.live import Browser
from scenarios.core.errors import CheckFailed, UsageError
from scenarios.core.observers import Forward, notify
from scenarios.core.records import Step
from scenarios.lab.facade import Lab, failure_reason
from scenarios.lab.page import header_setting
from scenarios.show.overlay import Overlay
from scenarios.tracks.flask_track.learner import AppGone, LearnerApp
from scenarios.tracks.narration import ExerciseNarrator, shown

# The project's own checkout: the exercises/ and solutions/ trees sit beside scenarios/.
ROOT = Path(__file__).resolve().parents[3]


class RecordedPage:
    """The learner's page: theirs to design, so what its request carried, and what its
    response set, are read from the server's side (the app's recorder)."""

    def __init__(self, browser, recorder):
        self._browser, self._recorder = browser, recorder

    @property
    def path(self):
        return urlsplit(self._browser.driver.current_url).path

    def _exchange(self):
        return self._recorder.last.get(self.path)

    def carried(self):
        exchange = self._exchange()
        return dict(exchange.cookies) if exchange else {}

    def set_cookie_headers(self):
        """The Set-Cookie headers the app answered the current page with, as it sent them."""
        exchange = self._exchange()
        return list(exchange.set_cookies) if exchange else []

    def set_cookie_header(self, name):
        return header_setting(name, self.set_cookie_headers())


class ExerciseLab(Lab):
    """A Lab on the learner's app, which ``app`` (a LearnerApp) serves and records."""

    def __init__(self, browser, config, app, observers=()):
        self.app_file, self.recorder = app.app_file, app
        page = RecordedPage(browser, app)
        jar = browser.jar_for(app.url, ("/",))
        super().__init__(browser, app.url, config, observers, page=page, jar=jar)

    def app_config(self, name):
        """The learner's ``app.config[name]``, read from the app's own process."""
        return self.recorder.config(name)

    def no_answer(self, path):
        return (
            f"your app did not answer {path} within {self.config.page_load_seconds:g} s: "
            "an endless loop?"
        )

    def visit(self, url):
        """Load ``url`` and insist the learner's app answered its path with a page."""
        path = urlsplit(url).path
        expected = f"expected your app to answer {path} with a page"
        try:
            super().visit(url)
            exchange = self.recorder.last.get(path)
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

    def heading(self):
        self._point("h1")  # boxed by the overlay in a headed run
        headings = self.driver.find_elements("tag name", "h1")
        return headings[0].text if headings else ""

    def expect_heading(self, text):
        said = self.heading()
        saw = f'it says "{said}"' if said else "the page has no <h1> heading"
        self.check(said == text, f'expected the page\'s heading to say "{text}", but {saw}')

    def expect_lifetime(self, name, seconds, within):
        """``name`` is stored with an expiry about ``seconds`` away (give or take ``within``)."""
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
    shown_as = shown(app_file)
    title = f"Exercise {exercise.number}: {exercise.title}"  # the overlay's title
    observers = [Overlay(browser, title)] if config.shows_overlay else []
    observers.append(Forward(emit))
    outcome = Outcome(exercise, app_file)
    emit("exercise_started", exercise)
    with ExitStack() as stack:
        # Narrated as a step of its own, before there is a lab to run one.
        starting = Step(f"Start your app from {shown_as}")
        outcome.steps.append(starting)
        notify(observers, "step_started", starting)
        start = time.monotonic()
        try:
            app = LearnerApp(app_file, shown_as, config.page_load_seconds, config.app_start_seconds)
            app = stack.enter_context(app)
            starting.passed = True
        except CheckFailed as failure:
            starting.passed, starting.message = False, str(failure)
        starting.seconds = time.monotonic() - start
        notify(observers, "step_finished", starting)
        if starting.passed:
            lab = ExerciseLab(browser, config, app, observers)
            try:
                lab.jar.clear()
                exercise.check(lab)
                outcome.solved = True
            except CheckFailed:
                outcome.solved = False
            except Exception as exc:  # noqa: BLE001 - outside a step: a browser that died
                lab.failed_between_steps("Check your app", exc)
            outcome.steps.extend(lab.steps)
            if lab.browser_failed:
                _relaunch(browser)
    emit("exercise_finished", outcome)
    return outcome


def _relaunch(browser):
    """A new browser for the next exercise, the last one having failed."""
    try:
        browser.relaunch()
    except Exception as exc:  # noqa: BLE001 - the environment, not the learner's app
        why = failure_reason(exc)
        raise UsageError(f"the browser failed and did not start again: {why}") from None


def run(config, exercises, tree="exercises", out=None, root=ROOT, scoreboard=True):
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
    if scoreboard:  # the automation track's, when it follows, shows both tracks
        narrator.scoreboard(exercises, outcomes)
    return outcomes
