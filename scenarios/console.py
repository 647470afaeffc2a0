"""The console narrator: each step as it runs, with a mark, then a summary table."""

import sys

from scenarios.observers import Observer


class Narrator(Observer):
    def __init__(self, stream=None):
        self.out = stream or sys.stdout
        # On a terminal the step's line is rewritten with its mark; in a log it is written once.
        self.live = self.out.isatty()

    def _write(self, text):
        self.out.write(text)
        self.out.flush()

    def scenario_started(self, scenario):
        self._write(f"\n{scenario.name}: {scenario.summary}\n")

    def step_started(self, step):
        if self.live:
            self._write(f"  ... {step.narration}")

    def step_finished(self, step):
        if step.passed is None:
            # Ctrl-C or a signal stopped it halfway: no result, and no failure either.
            line = f"  stop {step.narration} (interrupted after {step.seconds:.2f} s)"
        else:
            mark = "ok  " if step.passed else "FAIL"
            line = f"  {mark} {step.narration} ({step.seconds:.2f} s)"
        self._write(("\r" + line if self.live else line) + "\n")
        if step.passed is False:
            self._write(f"       {step.message}\n")

    def run_finished(self, results):
        width = max(len("scenario"), *(len(r.scenario.name) for r in results))
        self._write(f"\n{'scenario':<{width}}  steps  result  seconds\n")
        for r in results:
            done = sum(1 for s in r.steps if s.passed)
            verdict = "pass" if r.passed else "FAIL"
            self._write(
                f"{r.scenario.name:<{width}}  {done:>2}/{len(r.steps):<2}  {verdict:<6}  "
                f"{r.seconds:7.2f}\n"
            )
        failed = sum(1 for r in results if not r.passed)
        self._write(f"{len(results) - failed} passed, {failed} failed\n")
