"""The run's results for machines: JUnit XML (`--junit-xml`) and JSON (`--json`) for CI.

One test case per scenario or exercise, with its steps, and each failed step's message as a
CI page shows it. Both are observers, written as the run ends, atomically; an interrupted run
writes what it finished, marked so.
"""

import json
from dataclasses import asdict, dataclass, field
from xml.etree import ElementTree

from scenarios.core import atomic
from scenarios.core.observers import Observer


@dataclass
class Case:
    """A scenario or an exercise, as every results format sees it."""

    name: str
    group: str
    passed: bool
    seconds: float | None = None
    skipped: str | None = None
    interrupted: bool = False
    failures: list[str] = field(default_factory=list)
    steps: list[dict] = field(default_factory=list)

    @classmethod
    def of_scenario(cls, result):
        return cls(
            name=result.scenario.name,
            group="scenarios",
            passed=result.passed,
            seconds=round(result.seconds, 3),
            skipped=result.skipped,
            interrupted=result.interrupted,
            failures=[s.message for s in result.steps if s.passed is False],
            steps=[_step(s) for s in result.steps],
        )

    @classmethod
    def of_exercise(cls, outcome):
        name = f"{outcome.exercise.folder}: {outcome.exercise.title}"
        verdict = getattr(outcome, "verdict", None)
        if verdict is not None:  # the automation track's: a verdict in sentences, no steps
            failures = [] if outcome.solved else list(verdict.sentences)
            return cls(name, "exercises.automation", outcome.solved, failures=failures)
        failures = [s.message for s in outcome.steps if s.passed is False]
        steps = [_step(s) for s in outcome.steps]
        return cls(name, "exercises.flask", outcome.solved, failures=failures, steps=steps)


def _step(step):
    return {
        "narration": step.narration,
        "passed": step.passed,
        "message": step.message,
        "seconds": round(step.seconds, 3),
    }


class ResultsFile(Observer):
    """Collects each finished scenario or exercise; writes them all when the run ends."""

    option = ""  # the command-line option that names the file
    what = ""

    def __init__(self, path, command):
        self.path = atomic.writable(path, self.option)
        self.command = command
        self.cases = []

    def scenario_finished(self, result):
        self.cases.append(Case.of_scenario(result))

    def exercise_finished(self, outcome):
        self.cases.append(Case.of_exercise(outcome))

    def run_finished(self, results):
        self.write()

    def write(self, interrupted=False):
        atomic.write(self.path, self.render(interrupted), self.what)

    def render(self, interrupted):
        raise NotImplementedError


class JsonResults(ResultsFile):
    option, what = "--json", "the JSON results"

    def render(self, interrupted):
        failed = sum(1 for c in self.cases if not c.passed)
        document = {
            "command": f"cookie-lab {self.command}",
            "interrupted": interrupted,
            "passed": len(self.cases) - failed,
            "failed": failed,
            "results": [asdict(c) for c in self.cases],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class JUnitResults(ResultsFile):
    option, what = "--junit-xml", "the JUnit XML results"

    def render(self, interrupted):
        suite = ElementTree.Element(
            "testsuite",
            name=f"cookie-lab {self.command}" + (" (interrupted)" if interrupted else ""),
            tests=str(len(self.cases)),
            failures=str(sum(1 for c in self.cases if not c.passed and not c.interrupted)),
            errors=str(sum(1 for c in self.cases if c.interrupted)),
            skipped=str(sum(1 for c in self.cases if c.skipped)),
            time=f"{sum(c.seconds or 0 for c in self.cases):.3f}",
        )
        for case in self.cases:
            suite.append(_testcase(case))
        root = ElementTree.Element("testsuites")
        root.append(suite)
        ElementTree.indent(root)
        return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(case):
    element = ElementTree.Element("testcase", classname=f"cookie-lab.{case.group}", name=case.name)
    if case.seconds is not None:
        element.set("time", f"{case.seconds:.3f}")
    if case.skipped:
        ElementTree.SubElement(element, "skipped", message=case.skipped)
    elif case.interrupted:  # not a verdict on the scenario: the run was stopped
        ElementTree.SubElement(element, "error", message="interrupted before it finished")
    elif not case.passed:
        failure = ElementTree.SubElement(
            element, "failure", message=(case.failures or ["failed"])[0], type="CheckFailed"
        )
        failed = [s for s in case.steps if s["passed"] is False]
        lines = [f"{s['narration']}:\n    {s['message']}" for s in failed] or case.failures
        failure.text = "\n".join(lines)
    if case.steps:
        marks = {True: "ok  ", False: "FAIL", None: "... "}
        lines = [f"{marks[s['passed']]} {s['narration']}" for s in case.steps]
        ElementTree.SubElement(element, "system-out").text = "\n".join(lines)
    return element
