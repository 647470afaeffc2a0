"""A stand-in for runner.run that tells its observers a made-up run, for the CLI's own
behaviour (its files, its report's destination, an interrupt) tested in process, in
milliseconds: the browser's part is tested wherever a browser is the subject."""

from scenarios.content.catalog import SCENARIOS
from scenarios.core.observers import notify
from scenarios.core.records import Result, Step

BY_NAME = {s.name: s for s in SCENARIOS}


def step(narration, passed=True, message="", evidence=None):
    return Step(narration, passed, message, 0.25, evidence or {})


def result(name, *steps, skipped=None):
    passed = all(s.passed for s in steps)
    return Result(BY_NAME[name], list(steps), passed, 0.5 * len(steps), skipped)


class FakeRunner:
    """``run(config, scenarios, observers)`` as the runner calls them; ``then`` raises after
    the given results (an interrupt), after telling them ``unfinished`` steps of a scenario.
    With no results given, each scenario asked for passes its one step."""

    def __init__(self, results=None, then=None, unfinished=None):
        self.results, self.then, self.unfinished = results, then, unfinished
        self.calls = []

    def __call__(self, config, scenarios, observers=()):
        self.calls.append((config, [s.name for s in scenarios]))
        notify(observers, "run_started", scenarios)
        if self.results is None:
            self.results = [result(s.name, step(f"{s.name} holds")) for s in scenarios]
        for r in self.results:
            notify(observers, "scenario_started", r.scenario)
            for s in r.steps:
                notify(observers, "step_started", s)
                notify(observers, "step_finished", s)
            notify(observers, "scenario_finished", r)
        if self.unfinished is not None:
            name, steps = self.unfinished
            notify(observers, "scenario_started", BY_NAME[name])
            for s in steps:
                notify(observers, "step_finished", s)
        if self.then is not None:
            raise self.then
        notify(observers, "run_finished", self.results)
        return self.results
