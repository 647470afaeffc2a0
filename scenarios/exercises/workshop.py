"""Check the learner's apps in a real browser, one exercise after another, and keep score."""

import textwrap
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from scenarios.browser import Browser
from scenarios.console import Narrator
from scenarios.errors import CheckFailed, UsageError
from scenarios.exercises.learner import Recorder, describe, load_app
from scenarios.lab import Lab, Step
from scenarios.observers import Forward, notify
from scenarios.overlay import Overlay
from scenarios.server import LabServer

# The project's own checkout: the exercises/ and solutions/ trees sit beside scenarios/.
ROOT = Path(__file__).resolve().parents[2]


class RecordedPage:
    """The learner's page: theirs to design, so what its request carried is read from the
    server's side, off the Cookie header the browser really sent."""

    def __init__(self, browser, recorder):
        self._browser, self._recorder = browser, recorder

    @property
    def path(self):
        return urlsplit(self._browser.driver.current_url).path

    def carried(self):
        exchange = self._recorder.last.get(self.path)
        return dict(exchange.cookies) if exchange else {}


class ExerciseLab(Lab):
    """A Lab on the learner's app, served and recorded by ``served``."""

    def __init__(self, browser, config, served, observers=()):
        self.app, self.app_file, self.recorder = served.app, served.app_file, served.recorder
        page = RecordedPage(browser, served.recorder)
        jar = browser.jar_for(served.url, ("/",))
        super().__init__(browser, served.url, config, observers, page=page, jar=jar)

    def visit(self, path):
        """Load ``path`` and insist the learner's app answered it with a page."""
        super().visit(path)
        path = urlsplit(path).path
        exchange = self.recorder.last.get(path)
        expected = f"expected your app to answer {path} with a page"
        self.check(exchange is not None, f"{expected}, but the request never reached it")
        if exchange.error is not None:
            raise CheckFailed(f"{expected}, but {describe(exchange.error, self.app_file)}")
        self.check(exchange.status != 404, f"{expected}, but it has no route for {path} (404)")
        self.check(exchange.status < 400, f"{expected}, but it answered {exchange.status}")

    def no_answer(self, path):
        return (
            f"your app did not answer {path} within {self.config.page_load_seconds:g} s: "
            "an endless loop?"
        )

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


@dataclass
class Served:
    """The learner's app, loaded from ``app_file`` and served on a loopback port."""

    app_file: Path
    app: object
    recorder: object
    url: str

    @classmethod
    def start(cls, app_file, shown_as, stack):
        app = load_app(app_file, shown_as)
        recorder = Recorder(app)
        return cls(app_file, app, recorder, stack.enter_context(LabServer(recorder)).url)


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
    shown_as = _shown(app_file)
    title = f"Exercise {exercise.number}: {exercise.title}"  # the overlay's title
    observers = [Overlay(browser, title)] if config.shows_overlay else []
    observers.append(Forward(emit))
    outcome = Outcome(exercise, app_file)
    emit("exercise_started", exercise)
    with ExitStack() as stack:
        starting = Step(f"Start your app from {shown_as}")
        notify(observers, "step_started", starting)
        try:
            served = Served.start(app_file, shown_as, stack)
            starting.passed = True
        except CheckFailed as failure:
            starting.passed, starting.message = False, str(failure)
        notify(observers, "step_finished", starting)
        outcome.steps.append(starting)
        if starting.passed:
            lab = ExerciseLab(browser, config, served, observers)
            outcome.steps = [starting, *lab.steps]
            try:
                lab.jar.clear()
                exercise.check(lab)
                outcome.solved = True
            except CheckFailed:
                outcome.solved = False
            outcome.steps = [starting, *lab.steps]
    emit("exercise_finished", outcome)
    return outcome


def run(config, exercises, tree="exercises", out=None, root=ROOT, scoreboard=True):
    """Check ``exercises`` in order in one browser, stopping at the first not solved."""
    if config.remote_url:
        # The checks read the cookie store, path cookies included, through DevTools.
        raise UsageError("exercise checks need a local Chromium; unset COOKIE_LAB_REMOTE_URL")
    narrator = ExerciseNarrator(out)
    outcomes = []
    with Browser(config) as browser:
        for exercise in exercises:
            app_file = root / tree / exercise.folder / "app.py"
            outcomes.append(check_one(exercise, app_file, browser, config, narrator.event))
            if not outcomes[-1].solved:
                break
    if scoreboard:  # the automation track's, when it follows, shows both tracks
        narrator.scoreboard(exercises, outcomes)
    return outcomes


def _shown(path):
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _sentence(text):
    text = text[:1].upper() + text[1:]
    return text if text.rstrip('"').endswith((".", "!", "?")) else text + "."


class ExerciseNarrator(Narrator):
    """Each check's steps as they run; a failure in full sentences, then the scoreboard."""

    def event(self, name, *args):
        getattr(self, name)(*args)

    def exercise_started(self, exercise):
        self._write(f"\nExercise {exercise.number}: {exercise.title}\n")

    def step_finished(self, step):
        if step.message:  # an interrupted step has none
            step = replace(step, message=_wrapped(_sentence(step.message)).strip())
        super().step_finished(step)

    def exercise_finished(self, outcome):
        if outcome.solved:
            self._write(f"  Solved: exercise {outcome.exercise.number} passes its check.\n")
            return
        readme = _shown(outcome.app_file.parent / "README.md")
        self._write(
            _wrapped(
                f"Not solved yet. Edit {_shown(outcome.app_file)} and run the check again; "
                f"the goal and the hints are in {readme}."
            )
        )

    def scoreboard(self, exercises, outcomes):
        verdicts = {o.exercise.number: "solved" if o.solved else "NOT SOLVED" for o in outcomes}
        width = max(len(e.title) for e in exercises)
        solved = sum(1 for o in outcomes if o.solved)
        self._write(f"\nScoreboard: {solved} of {len(exercises)} solved\n")
        for e in exercises:
            self._write(
                f"  {e.number:>2}  {e.title:<{width}}  {verdicts.get(e.number, 'not checked')}\n"
            )


def _wrapped(text):
    return textwrap.fill(text, width=100, initial_indent=" " * 7, subsequent_indent=" " * 7) + "\n"
