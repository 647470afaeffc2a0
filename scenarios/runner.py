"""Run scenarios against the lab app and tell observers what happens, in scenario order."""

import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field

from lab_app import create_app
from scenarios.browser import Browser
from scenarios.lab import CheckFailed, Lab
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
    browser (the expiry, the restart) is buffered until every scenario before it has finished.
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


def run(config, scenarios, observers=()):
    """Run ``scenarios``; return one Result each, in the order given."""
    order = _InOrder(observers, scenarios)
    cancel = threading.Event()
    results = {}
    # Waiting for time, or for a browser restart, overlaps with everything else, but only
    # where nobody is watching: a class following one browser window sees each in turn.
    overlap = config.headless and len(scenarios) > 1
    beside = [s for s in scenarios if s.own_browser and overlap]
    in_turn = [s for s in scenarios if s not in beside]
    with ExitStack() as stack:
        base_url = config.base_url
        if base_url is None:
            app = create_app(config.app_config())
            base_url = stack.enter_context(LabServer(app, port=config.port)).url

        def in_own_browser(scenario, failures):
            try:
                with Browser(config) as browser:
                    emit = order.emitter(scenario)
                    lab = Lab(browser, base_url, config, emit, cancel)
                    results[scenario.name] = run_one(scenario, lab, emit)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
                failures.append(exc)

        failures = []
        threads = [
            threading.Thread(target=in_own_browser, args=(s, failures), daemon=True) for s in beside
        ]
        for thread in threads:
            thread.start()
        try:
            if in_turn:
                with Browser(config) as browser:
                    for scenario in in_turn:
                        emit = order.emitter(scenario)
                        lab = Lab(browser, base_url, config, emit, cancel)
                        results[scenario.name] = run_one(scenario, lab, emit)
        except BaseException:
            cancel.set()
            raise
        finally:
            for thread in threads:
                thread.join()
        if failures:
            raise failures[0]
    ordered = [results[s.name] for s in scenarios]
    for observer in observers:
        getattr(observer, "run_finished", lambda *a: None)(ordered)
    return ordered
