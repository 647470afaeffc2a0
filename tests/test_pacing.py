"""Between two steps: slow-mo's pause, the instructor's Enter or q, the page's Space and Next.

A fake browser stands in for the overlay's requests: pacing reads nothing else of the page.
"""

import queue
import threading

import pytest

from scenarios.core.config import Config
from scenarios.core.errors import Cancelled, StoppedByInstructor
from scenarios.core.records import Step
from scenarios.lab.pacing import Pacer


class _Page:
    """The overlay's requests, handed over one batch per read, as the in-page script does."""

    def __init__(self, *batches):
        self.batches = list(batches)
        self.modes = []

    def execute_script(self, script, mode):
        self.modes.append(mode)
        return self.batches.pop(0) if self.batches else []

    def find_element(self, *how):
        raise LookupError("no overlay in this fake page")  # focusing it is best effort


class _Browser:
    def __init__(self, page):
        self.driver = page


def _pacer(config, page=None, terminal=None):
    cancel = threading.Event()
    return Pacer(config, _Browser(page or _Page()), cancel, terminal), cancel


def test_an_unwatched_run_does_not_touch_the_browser():
    page = _Page(["quit"])
    pacer, _ = _pacer(Config(slow_mo=0), page)
    pacer.after(Step("a step", passed=True))
    assert page.modes == []


def test_a_cancelled_run_stops_at_the_next_step():
    pacer, cancel = _pacer(Config(slow_mo=30))
    cancel.set()
    with pytest.raises(Cancelled):
        pacer.after(Step("a step", passed=True))


def test_space_in_the_page_pauses_until_next():
    page = _Page(["space"], [], ["next"])
    pacer, _ = _pacer(Config(headless=False, overlay=True, slow_mo=5), page)
    pacer.after(Step("a step", passed=True))
    # Paused: the dock offers "paused" until Next, then nothing (a step runs).
    assert page.modes == ["", "paused", "paused", ""]


def test_step_mode_waits_for_enter_in_the_terminal():
    terminal = queue.Queue()
    terminal.put("next")
    pacer, _ = _pacer(Config(headless=False, overlay=False, step=True), terminal=terminal)
    pacer.after(Step("a step", passed=True))
    assert terminal.empty()


def test_q_in_step_mode_stops_the_run_with_the_results_so_far():
    terminal = queue.Queue()
    terminal.put("quit")
    pacer, cancel = _pacer(Config(headless=False, overlay=False, step=True), terminal=terminal)
    with pytest.raises(StoppedByInstructor):
        pacer.after(Step("a step", passed=True))
    assert cancel.is_set()  # the other workers stop as on a cancel
