"""Between two steps: slow-mo's pause, or the instructor's word.

In step mode (``--step``) each step waits for the instructor: Enter in the terminal, or in the
browser a click on the overlay's Next, Space or the Right arrow; ``q`` (then Enter) or
Escape ends the run, with the results so far. Without it, Space in the browser pauses a
headed run and resumes it. A failure stays on screen: until the instructor goes on in step
mode, for ``FAILURE_SECONDS`` at least in any headed run.

The browser's keys and clicks are recorded by the overlay's own script, in its shadow root,
and read here with one small script: nothing a check reads is touched.
"""

import queue
import sys
import threading
import time

from scenarios.core.errors import Cancelled, StoppedByInstructor
from scenarios.lab.overlay_script import READ_REQUESTS

# How long a failed step's red banner stays up in a headed run, at least.
FAILURE_SECONDS = 5.0
# How often the browser is asked whether the instructor clicked or pressed a key.
POLL_SECONDS = 0.15


_terminal = None
_terminal_lock = threading.Lock()


def terminal_requests(stream=None):
    """Lines typed in the terminal as requests ("next", "quit"), read by one thread for the
    whole process: each run and each exercise shares it."""
    global _terminal
    with _terminal_lock:
        if _terminal is None:
            _terminal = queue.Queue()
            source = stream or sys.stdin
            threading.Thread(target=_read_lines, args=(source, _terminal), daemon=True).start()
        return _terminal


def _read_lines(stream, into):
    try:
        for line in stream:
            into.put("quit" if line.strip().lower() in ("q", "quit") else "next")
    except (OSError, ValueError):  # no terminal to read (a closed or captured stdin)
        pass


class Pacer:
    """Paces the steps of one Lab in ``browser``, as ``config`` asks; ``cancel`` ends a wait."""

    def __init__(self, config, browser, cancel, terminal=None, idle=lambda step, instructor: None):
        self._config, self._browser, self._cancel = config, browser, cancel
        # Told each turn of a wait between steps: the jar panel reads a cookie that expired
        # meanwhile, and the terminal shows what the instructor may press.
        self._idle, self._step = idle, None
        self._watched = config.shows_overlay
        self._terminal = terminal
        if config.step and terminal is None:
            self._terminal = terminal_requests()

    def after(self, step):
        """Called once a step has finished (passed or failed)."""
        if self._cancel.is_set():  # interrupted: its browsers may be gone already
            raise Cancelled()
        self._step = step
        config = self._config
        if config.step:
            self._until_next()
            return
        hold = config.slow_mo
        if step.passed is False and self._watched:
            hold = max(hold, FAILURE_SECONDS)
        if not self._watched:
            # A pause for the people watching, not a wait for the browser.
            self._cancel.wait(hold)
            return
        deadline = time.monotonic() + hold
        self._focus_page()  # Space pauses: the page, not the address bar, must hear it
        while True:
            asked = self._asked("")
            if "quit" in asked:
                self._stop()
            if "space" in asked:
                self._until_next(paused=True)
                return
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self._idle(step, False)
            self._wait(min(left, POLL_SECONDS))

    def _until_next(self, paused=False):
        """Wait for the instructor's go-ahead; raise StoppedByInstructor on q or Escape."""
        mode = "paused" if paused else "step"
        if self._watched:
            self._focus_page()
        while True:
            asked = self._asked(mode) if self._watched else []
            while self._terminal is not None and not self._terminal.empty():
                asked.append(self._terminal.get_nowait())
            if "quit" in asked:
                self._stop()
            if any(a in ("next", "space") for a in asked):
                self._asked("")  # the Next button goes until the next step offers it
                return
            # The terminal's Enter counts only where it is read (step mode).
            self._idle(self._step, self._terminal is not None)
            self._wait(POLL_SECONDS)

    def _focus_page(self):
        """Give the page the keyboard: a new window's address bar has it, and would take the
        instructor's Space, Right arrow and Escape (a presenter's clicker) for itself."""
        try:
            host = self._browser.driver.find_element("css selector", "cookie-lab-overlay")
            host.shadow_root.find_element("css selector", ".narration").click()
        except Exception:  # noqa: BLE001 - no overlay yet, or a page mid-load: keys still work
            pass

    def _asked(self, mode):
        try:
            return list(self._browser.driver.execute_script(READ_REQUESTS, mode) or [])
        except Exception:  # noqa: BLE001 - a page mid-load or a busy browser: ask again
            return []

    def _wait(self, seconds):
        if self._cancel.wait(seconds):
            raise Cancelled()

    def _stop(self):
        # The other workers and the runner stop as on a cancel; this scenario says why.
        self._cancel.set()
        raise StoppedByInstructor()
