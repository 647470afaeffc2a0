"""Run scenarios against the lab app and tell observers what happens, in scenario order.

However a run ends, every browser it started is closed: each worker says when it is done
(an Event set as it ends), and an interrupt ends the browsers at once rather than waiting on
them.
"""

import sys
import threading
import time
from collections import deque
from contextlib import ExitStack, contextmanager

from lab_app import create_app
from scenarios.browser import pending, profiles
from scenarios.browser.live import Browser
from scenarios.core.errors import Cancelled, CheckFailed, StoppedByInstructor
from scenarios.core.observers import Forward, notify
from scenarios.core.processes import signals_held
from scenarios.core.records import Result, Step
from scenarios.lab.facade import Lab, failure_reason
from scenarios.lab.pacing import terminal_requests
from scenarios.lab.server import LabServer
from scenarios.show import summary
from scenarios.show.evidence import Evidence
from scenarios.show.overlay import Overlay

# The summary's longest stay when the instructor forgets it: a class's break, not for ever.
HOLD_AT_MOST = 1800.0


class _InOrder:
    """Deliver each scenario's events to observers in scenario order.

    The scenario at the head of the order speaks live; one running beside it in its own
    browser (the expiry) is buffered until every scenario before it has finished.
    """

    def __init__(self, observers, scenarios):
        self._observers = observers
        self._order = [s.name for s in scenarios]
        self._buffers = {name: [] for name in self._order}
        self._finished = set()
        self._head = 0
        self._lock = threading.Lock()

    def emitter(self, scenario):
        def emit(event, *args):
            with self._lock:
                self._buffers[scenario.name].append((event, args))
                if event == "scenario_finished":
                    self._finished.add(scenario.name)
                self._flush()

        return emit

    def _flush(self):
        while self._head < len(self._order):
            name = self._order[self._head]
            for event, args in self._buffers[name]:
                notify(self._observers, event, *args)
            self._buffers[name].clear()
            if name not in self._finished:
                return
            self._head += 1


def run_one(scenario, lab, emit):
    """Run ``scenario`` in ``lab``; whatever goes wrong is this scenario's failure alone."""
    emit("scenario_started", scenario)
    result = Result(scenario, lab.steps)
    start = time.monotonic()
    try:
        skipped = scenario.skip_reason(lab.config)
        if skipped:
            result.passed, result.skipped = True, skipped
        else:
            lab.jar.clear()
            scenario.run(lab)
            result.passed = True
    except StoppedByInstructor:  # q or Escape: the steps so far stand
        result.stopped = True
        result.passed = all(step.passed is not False for step in lab.steps)
    except (CheckFailed, Cancelled):  # Cancelled: the run is stopping (result.interrupted)
        result.passed = False
    except Exception as exc:  # noqa: BLE001 - outside any step: a dead browser, say
        result.passed = False
        lab.failed_between_steps(f"{scenario.name} could not go on", exc)
    finally:
        result.seconds = time.monotonic() - start
        result.interrupted = not result.passed and lab.cancelled and not result.stopped
        emit("scenario_finished", result)
    return result


def lab_for(scenario, browser, base_url, config, emit, cancel=None):
    """A Lab for ``scenario`` in ``browser``, watched by the overlay and the evidence when the
    run shows or records them, and speaking through ``emit``."""
    observers = []
    lab = Lab(browser, base_url, config, observers, cancel)
    if config.shows_overlay:
        overlay = Overlay(browser, scenario.name, scenario.steps, lab.jar, config.step)
        observers.append(overlay)
    if config.report_dir is not None:
        observers.append(Evidence(browser, lab.page, lab.jar))
    observers.append(Forward(emit))
    return lab


class _Turns:
    """Browsers start one at a time, in the workers' order.

    On 2 cores, browsers starting together each take several times as long as one alone,
    and the first page load with them: in turn, the first is ready at once.
    """

    def __init__(self, count):
        self._started = [threading.Event() for _ in range(count)]

    @contextmanager
    def turn(self, index, cancel):
        try:
            while index and not self._started[index - 1].wait(0.05):
                if cancel.is_set():
                    raise Cancelled()
            yield
        finally:
            self._started[index].set()


class _Run:
    """What the workers of one run share."""

    def __init__(self, config, scenarios, observers):
        self.config = config
        self.order = _InOrder(observers, scenarios)
        self.cancel = threading.Event()
        self.results = {}
        self.browsers = []
        self.failures = []
        # Called with the browser a class watches once its last scenario is done, before it
        # closes (None: nobody watches); ``finished``: run_finished was told.
        self.last_screen = None
        self.finished = False


def _work(run, index, app, queue, turns):
    """One worker: its own app server and browser, taking scenarios from ``queue``."""
    config = run.config
    with ExitStack() as stack:
        base_url = config.base_url
        if base_url is None:
            port = config.port + index if config.port else 0
            server = LabServer(app, port=port, advertise=config.advertise_host)
            base_url = stack.enter_context(server).url
        with turns.turn(index, run.cancel):
            if run.cancel.is_set():
                return
            browser = stack.enter_context(Browser(config))
            run.browsers.append(browser)
            browser.reach(base_url + "/")
        broken = None  # why the browser cannot go on, when it failed
        while not run.cancel.is_set():
            try:
                scenario = queue.popleft()  # atomic: no two workers take the same one
            except IndexError:
                break
            emit = run.order.emitter(scenario)
            if broken is not None:
                # The next scenario deserves a browser that answers: a new one, when it comes.
                try:
                    browser.relaunch()
                    broken = None
                except Exception as exc:  # noqa: BLE001 - this scenario fails, the run goes on
                    run.results[scenario.name] = _not_run(scenario, emit, broken, exc)
                    continue
            lab = lab_for(scenario, browser, base_url, config, emit, run.cancel)
            run.results[scenario.name] = run_one(scenario, lab, emit)
            if lab.browser_failed:
                broken = "the browser failed in the scenario before"
        else:
            return  # stopped: no summary to show
        if run.last_screen is not None and broken is None:
            run.last_screen(browser)


def _not_run(scenario, emit, why, exc):
    """The Result of ``scenario`` when no browser could be started for it."""
    emit("scenario_started", scenario)
    step = Step("Start a new browser", passed=False)
    step.message = f"{why}, and a new one did not start: {failure_reason(exc)}"
    emit("step_started", step)
    emit("step_finished", step)
    result = Result(scenario, [step])
    emit("scenario_finished", result)
    return result


def _worker(run, index, app, queue, turns, done):
    try:
        _work(run, index, app, queue, turns)
    except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
        run.failures.append(exc)
        run.cancel.set()
    finally:
        done.set()


def _wait_for(run, done, grace=5):
    """Wait until every worker has ended. On an interrupt, end their browsers at once, give
    the workers ``grace`` seconds to finish, then raise it. A worker still stuck then (in a
    browser's start, say) dies with the process: its driver and browser die with it (see
    processes.dying_with_this_thread), and its profile folder is removed here."""
    interrupted, ended = None, False
    while True:
        try:
            if interrupted is not None and not ended:
                ended = True
                # Held, so that a second Ctrl-C cannot cut this short; one that came meanwhile
                # lands as the block ends, here in the try, and the wait below still happens.
                with signals_held():
                    run.cancel.set()
                    for browser in list(run.browsers):
                        browser.kill()
            if interrupted is None:
                while not all(event.wait(0.1) for event in done):
                    pass
            else:
                deadline = time.monotonic() + grace
                for event in done:
                    event.wait(max(0, deadline - time.monotonic()))
            break
        except BaseException as exc:  # noqa: BLE001 - re-raised once all have ended
            interrupted = interrupted or exc
    if interrupted is not None:
        signal_again = None
        try:
            with signals_held():
                profiles.remove_own()
                # A worker still waiting for a Grid's new session when its grace ran out.
                if not pending.abandon_all():
                    interrupted.add_note(pending.LEFT_ON_GRID)
        except BaseException as exc:  # noqa: BLE001 - a signal held meanwhile: same ending
            signal_again = exc
        raise interrupted from signal_again


def run(config, scenarios, observers=()):
    """Run ``scenarios``; return one Result each, in the order given.

    Each worker has its own app server and its own browser: cookies do not isolate by port,
    so one browser visiting two servers on 127.0.0.1 would share one jar between them.
    """
    shared = _Run(config, scenarios, observers)
    # Waiting for time overlaps with everything else, but only where nobody is watching: a
    # class following one browser window sees each scenario in turn. (A restart stays in
    # turn: on 2 cores the browsers are CPU-bound, and a third browser costs more CPU than
    # the restart it would hide.)
    overlap = config.headless and len(scenarios) > 1
    beside = [s for s in scenarios if s.waits_for_time and overlap]
    in_turn = deque(s for s in scenarios if s not in beside)
    # The workers take scenarios in turn from one queue; one in its own browser has its own.
    # Browsers start in this order: first the one whose length the clock sets.
    queues = [deque([s]) for s in beside] + [in_turn] * min(config.workers, len(in_turn))
    turns = _Turns(len(queues))
    # Built here, one after another: CPython 3.11 before 3.11.8 can fail to compile Python
    # code in two threads at once ("AST constructor recursion depth mismatch"), and
    # building an app compiles Werkzeug's URL builders.
    apps = [None if config.base_url else create_app(config.app_config()) for _ in queues]
    done = [threading.Event() for _ in queues]
    if config.shows_overlay and len(queues) == 1:
        shared.last_screen = lambda browser: _last_screen(shared, scenarios, observers, browser)
    notify(observers, "run_started", scenarios)
    # Every worker in a thread of its own; the main thread only waits, where a Ctrl-C lands.
    for index, queue in enumerate(queues):
        args = (shared, index, apps[index], queue, turns, done[index])
        threading.Thread(target=_worker, args=args, daemon=True).start()
    _wait_for(shared, done)
    if shared.failures:
        # The first cause, not the Cancelled it set off in the other workers.
        failures = shared.failures
        raise next((f for f in failures if not isinstance(f, Cancelled)), failures[0])
    ordered = _ordered(shared, scenarios)
    if not shared.finished:
        notify(observers, "run_finished", ordered)
    return ordered


def _ordered(shared, scenarios):
    # Stopped by the instructor, the scenarios not reached have no result.
    return [shared.results[s.name] for s in scenarios if s.name in shared.results]


def _last_screen(shared, scenarios, observers, browser):
    """The run is over: tell the observers (the summary, the report), then show the class
    the summary in the browser they watched, until the instructor ends it."""
    config = shared.config
    ordered = _ordered(shared, scenarios)
    notify(observers, "run_finished", ordered)
    shared.finished = True
    at_a_terminal = config.step or sys.stdin.isatty()
    seconds = config.hold_seconds
    if seconds is None:
        seconds = HOLD_AT_MOST if at_a_terminal else 0
    if not seconds:
        return
    where = next((o.where() for o in observers if callable(getattr(o, "where", None))), None)
    terminal = terminal_requests() if at_a_terminal else None
    try:
        html = summary.render(ordered, where, config.hold_seconds)
        summary.hold(browser.driver, html, seconds, terminal, shared.cancel)
    except Exception:  # noqa: BLE001 - only a show: the run's results stand as told
        pass
