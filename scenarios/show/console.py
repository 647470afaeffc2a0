"""The console narrator: each step as it runs, with a mark, then a summary table.

On a terminal the running step's line is rewritten in place, cut to the terminal's width (a
line that wrapped could not be rewritten: its first half would stay behind), and a wait on
time counts down on it. In a log (not a terminal) each step is one plain, whole line.
"""

import math
import shutil
import sys

from scenarios.core.observers import Observer

_GREEN, _RED, _RESET = "\x1b[32m", "\x1b[31m", "\x1b[0m"
# Back to the line's start and clear it: the running line is drawn anew.
_REDRAW = "\r\x1b[K"


class Narrator(Observer):
    def __init__(self, stream=None, colour=True):
        self.out = stream or sys.stdout
        # On a terminal the step's line is rewritten with its mark; in a log it is written once.
        self.live = self.out.isatty()
        # Config.colour: NO_COLOR turns it off.
        self.colour = self.live and colour
        self._counted = None  # the whole seconds last shown by a countdown
        self._prompting = False  # the instructor's prompt is on the running line

    def _write(self, text):
        self.out.write(text)
        self.out.flush()

    def _running(self, text):
        """Draw the running line, cut to fit: it must never wrap."""
        width = shutil.get_terminal_size().columns
        if len(text) > width - 1:
            text = text[: max(0, width - 2)] + "\u2026"
        self._write(_REDRAW + text)

    def _mark(self, passed):
        mark = "ok  " if passed else "FAIL"
        if self.colour:
            mark = f"{_GREEN if passed else _RED}{mark}{_RESET}"
        return mark

    def _unprompt(self):
        """Clear the prompt off its line before anything else is written there."""
        if self._prompting:
            self._prompting = False
            self._write(_REDRAW)

    def scenario_started(self, scenario):
        self._unprompt()
        self._write(f"\n{scenario.name}: {scenario.summary}\n")

    def idle(self, step, instructor):
        # Step mode waits for the instructor: say what they may press, where they look.
        if instructor and self.live and not self._prompting:
            self._prompting = True
            self._running("  Enter: next step \u00b7 q then Enter: stop")

    def step_started(self, step):
        self._counted, self._prompting = None, False
        if self.live:
            self._running(f"  ... {step.narration}")

    def waiting(self, step, seconds_left):
        if not self.live:
            return
        whole = math.ceil(seconds_left)
        if whole != self._counted:  # a new line only when the number changes
            self._counted = whole
            what = step.waiting_for or step.narration
            self._running(f"  ... {what}: {whole} s left")

    def step_finished(self, step):
        if step.passed is None:
            # Ctrl-C or a signal stopped it halfway: no result, and no failure either.
            line = f"  stop {step.narration} (interrupted after {step.seconds:.2f} s)"
        else:
            line = f"  {self._mark(step.passed)} {step.narration} ({step.seconds:.2f} s)"
        # The whole line, even when it wraps: nothing rewrites it after this.
        self._write((_REDRAW + line if self.live else line) + "\n")
        if step.passed is False:
            self._write(f"       {step.message}\n")

    def run_finished(self, results):
        self._unprompt()
        width = max(len("scenario"), *(len(r.scenario.name) for r in results), 0)
        self._write(f"\n{'scenario':<{width}}  {'steps passed':<14}  result  seconds\n")
        for r in results:
            done = sum(1 for s in r.steps if s.passed)
            # Out of the scenario's own count: a stopped run did not run them all.
            total = max(getattr(r.scenario, "steps", None) or 0, len(r.steps))
            verdict = "pass" if r.passed else "FAIL"
            if getattr(r, "stopped", False):
                verdict = "stopped" if r.passed else "FAIL"
            if getattr(r, "skipped", None):
                verdict = "skip"
            self._write(
                f"{r.scenario.name:<{width}}  {done:>2} of {total:<2} steps  {verdict:<6}  "
                f"{r.seconds:7.2f}\n"
            )
        failed = sum(1 for r in results if not r.passed)
        skipped = [r for r in results if getattr(r, "skipped", None)]
        # Stopped by the instructor with no step failed: neither passed nor failed.
        stopped = sum(1 for r in results if r.passed and getattr(r, "stopped", False))
        passed = len(results) - failed - len(skipped) - stopped
        counts = f"{passed} passed, {failed} failed"
        counts += f", {len(skipped)} skipped" if skipped else ""
        self._write(counts + (f", {stopped} stopped\n" if stopped else "\n"))
        for r in skipped:
            self._write(f"{r.scenario.name} skipped: {r.skipped}\n")
        if any(getattr(r, "stopped", False) for r in results):
            self._write("stopped by the instructor: the rest of the run did not happen\n")
