"""The Flask track: check the learner's app in a real browser, one exercise after another."""

import time
from contextlib import ExitStack, contextmanager

from scenarios.browser.live import Browser
from scenarios.browser.remote import answering
from scenarios.core.errors import CheckFailed, UsageError
from scenarios.core.observers import Forward, notify
from scenarios.core.records import Step
from scenarios.lab.facade import failure_reason
from scenarios.show.overlay import Overlay
from scenarios.tracks.flask_track.exercise_lab import ExerciseLab
from scenarios.tracks.flask_track.learner import LearnerApp
from scenarios.tracks.flask_track.recorder import PRIVATE
from scenarios.tracks.narration import shown
from scenarios.tracks.outcome import Outcome


@contextmanager
def checker(config):
    """check(exercise, app_file, emit) -> Outcome, for each Flask exercise in one browser."""
    if config.remote_url:
        # On a Grid: the jar is read through BiDi, and the learner's app is served where the
        # node is sent (--advertise-host).
        answering(config.remote_url, config.page_load_seconds)
    with Browser(config) as browser:
        yield lambda exercise, app_file, emit: check_one(exercise, app_file, browser, config, emit)


# Said when the browser failed during a check: the learner's app had no hand in it (it runs in
# a box that cannot reach the browser), so the check is done again, once, on a new browser.
AGAIN = "The checker's browser failed, which is no fault of your app: a new one checks it again"


def check_one(exercise, app_file, browser, config, emit, start_app=LearnerApp):
    """Serve ``app_file`` on a free loopback port and run ``exercise``'s check against it.

    ``start_app`` makes the LearnerApp: the watcher's has its process started ahead."""
    emit("exercise_started", exercise)
    attempt = (exercise, app_file, browser, config, emit, start_app)
    outcome, browser_failed = _attempt(*attempt)
    if browser_failed:
        again = Step(AGAIN, passed=True)
        emit("step_started", again)
        emit("step_finished", again)
        outcome, _ = _attempt(*attempt)
        outcome.steps.insert(0, again)
    emit("exercise_finished", outcome)
    return outcome


def _attempt(exercise, app_file, browser, config, emit, start_app):
    """The Outcome of one check of ``app_file``, and whether the browser failed in it (a new
    one is started then)."""
    shown_as = shown(app_file)
    title = f"Exercise {exercise.number}: {exercise.title}"  # the overlay's title
    observers = [Overlay(browser, title)] if config.shows_overlay else []
    observers.append(Forward(emit))
    outcome = Outcome(exercise, app_file)
    browser_failed = False
    with ExitStack() as stack:
        # Narrated as a step of its own, before there is a lab to run one.
        starting = Step(f"Start your app from {shown_as}")
        outcome.steps.append(starting)
        notify(observers, "step_started", starting)
        start = time.monotonic()
        try:
            limits = (config.page_load_seconds, config.app_start_seconds)
            # A browser on a Grid reaches the app at the advertised host; a local one, and
            # the watcher's (which has no Grid), at loopback, whatever the environment says.
            where = {"host": config.advertise_host} if config.remote_url else {}
            app = start_app(app_file, shown_as, *limits, **where)
            app = stack.enter_context(app)
            starting.passed = True
        except CheckFailed as failure:
            starting.passed, starting.message = False, str(failure)
        starting.seconds = time.monotonic() - start
        notify(observers, "step_finished", starting)
        if starting.passed and config.remote_url:
            # A node that cannot reach the app is the setup's fault, said in one line that
            # names --advertise-host; a page the checker's own (never the learner's routes).
            browser.reach(app.url + PRIVATE + "reach")
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
            browser_failed = lab.browser_failed
            if browser_failed:
                _relaunch(browser)
    return outcome, browser_failed


def _relaunch(browser):
    """A new browser for the next exercise, the last one having failed."""
    try:
        browser.relaunch()
    except Exception as exc:  # noqa: BLE001 - the environment, not the learner's app
        why = failure_reason(exc)
        raise UsageError(f"the browser failed and did not start again: {why}") from None
