"""Run scenarios against the lab app and tell observers what happens, in scenario order."""

import threading
import time
from collections import deque
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from lab_app import create_app
from scenarios.browser import Browser
from scenarios.lab import Cancelled, CheckFailed, Lab
from scenarios.server import LabServer


@dataclass
class Result:
    scenario: object
    steps: list = field(default_factory=list)
    passed: bool = False
    seconds: float = 0.0


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
                for observer in self._observers:
                    getattr(observer, event, lambda *a: None)(*args)
            self._buffers[name].clear()
            if name not in self._finished:
                return
            self._head += 1


def run_one(scenario, lab, emit):
    lab.clear_cookies()
    lab.scenario_name = scenario.name
    emit("scenario_started", scenario)
    result = Result(scenario, lab.steps)
    start = time.monotonic()
    try:
        scenario.run(lab)
        result.passed = True
    except CheckFailed:
        result.passed = False
    finally:
        result.seconds = time.monotonic() - start
        emit("scenario_finished", result)
    return result


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


def _work(config, index, app, queue, order, results, cancel, turns):
    """One worker: its own app server and browser, taking scenarios from ``queue``."""
    with ExitStack() as stack:
        base_url = config.base_url
        if base_url is None:
            port = config.port + index if config.port else 0
            server = LabServer(app, port=port, advertise=config.advertise_host)
            base_url = stack.enter_context(server).url
        with turns.turn(index, cancel):
            browser = stack.enter_context(Browser(config))
            browser.reach(base_url + "/")
        while not cancel.is_set():
            try:
                scenario = queue.popleft()  # atomic: no two workers take the same one
            except IndexError:
                return
            emit = order.emitter(scenario)
            lab = Lab(browser, base_url, config, emit, cancel)
            results[scenario.name] = run_one(scenario, lab, emit)


def _join(threads, cancel):
    """Wait for every worker to quit its browser, even when a signal lands meanwhile."""
    interrupted = None
    for thread in threads:
        while thread.is_alive():
            try:
                thread.join()
            except BaseException as exc:  # noqa: BLE001 - re-raised once all have quit
                cancel.set()
                interrupted = interrupted or exc
    if interrupted is not None:
        raise interrupted


def run(config, scenarios, observers=()):
    """Run ``scenarios``; return one Result each, in the order given.

    Each worker has its own app server and its own browser: cookies do not isolate by port,
    so one browser visiting two servers on 127.0.0.1 would share one jar between them.
    """
    order = _InOrder(observers, scenarios)
    cancel = threading.Event()
    results = {}
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
    failures = []

    def guarded(index, queue):
        try:
            _work(config, index, apps[index], queue, order, results, cancel, turns)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            failures.append(exc)
            cancel.set()

    threads = [
        threading.Thread(target=guarded, args=(i, q), daemon=True)
        for i, q in enumerate(queues)
        if i
    ]
    for thread in threads:
        thread.start()
    try:
        guarded(0, queues[0])  # in the main thread, where a Ctrl-C lands
    finally:
        _join(threads, cancel)
    if failures:
        # The first cause, not the Cancelled it set off in the other workers.
        raise next((f for f in failures if not isinstance(f, Cancelled)), failures[0])
    ordered = [results[s.name] for s in scenarios]
    for observer in observers:
        getattr(observer, "run_finished", lambda *a: None)(ordered)
    return ordered
