"""What the grader's child watches in a learner's run, for the verdict: where it sleeps,
where it forks, where it was when stopped, and whether the browser came out of it alive."""

import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

from selenium.webdriver.remote.command import Command
from selenium.webdriver.support.wait import WebDriverWait

from scenarios.tracks.automation.fresh import BLANK, PAGE_LOADS


class DriveWatch:
    """Whether a run's tests drove the lent browser: loaded a page in it. The driver
    fixture's own reset (a blank page; on a Grid, a visit that clears the jar) is set
    ``aside``. A run that loaded no page tested the lab some other way: not the exercise."""

    def __init__(self):
        self.drove = False
        self.aside = False

    def hear(self, command, params):
        """A command listener (before each command)."""
        if not self.aside and command in PAGE_LOADS and (params or {}).get("url") != BLANK:
            self.drove = True

    @contextmanager
    def set_aside(self):
        self.aside = True
        try:
            yield
        finally:
            self.aside = False


class SleepWatch:
    """Notes the first fixed pause called from each learner's file: time.sleep, however it was
    imported, or an Event's wait with a timeout (``threading.Event().wait(5)`` is a sleep by
    another name). WebDriverWait sleeps too, but from Selenium's file, not the learner's."""

    def __init__(self, test_files):
        self.lines = dict.fromkeys(map(str, test_files))
        self.calls = dict.fromkeys(map(str, test_files))
        self._sleep = time.sleep
        time.sleep = self.sleep  # `from time import sleep` in the learner's file gets it too
        self._wait = threading.Event.wait
        watch = self

        def wait(event, timeout=None):
            if timeout is not None:
                watch._note(sys._getframe(1), "an Event's wait")
            return watch._wait(event, timeout)

        threading.Event.wait = wait

    def sleep(self, seconds):
        self._note(sys._getframe(1), "time.sleep")
        self._sleep(seconds)

    def _note(self, frame, call):
        caller = frame.f_code.co_filename
        if caller in self.lines and self.lines[caller] is None:
            self.lines[caller], self.calls[caller] = frame.f_lineno, call


class ForkWatch:
    """Notes the first os.fork called from each learner's file. The copy it makes would share
    the pipes to the parent and answer for this process: in the copy they are closed at once,
    and it ends when it comes back to the loop below (the box kills it at the latest)."""

    def __init__(self, test_files, fds):
        self.lines = dict.fromkeys(map(str, test_files))
        self.copy = False
        self._fds = fds
        os.register_at_fork(after_in_parent=self._parent, after_in_child=self._child)

    def _child(self):
        self.copy = True
        for fd in self._fds:
            try:
                os.close(fd)
            except OSError:
                pass

    def guard(self, command, params):
        """A command listener: the copy's commands would cross the parent's on one socket."""
        if self.copy:
            raise RuntimeError("a copy of the test process (os.fork) cannot use the browser")

    def _parent(self):
        frame = sys._getframe(1)
        while frame is not None:
            name = frame.f_code.co_filename
            if name == subprocess.__file__:
                return  # a Popen with a preexec_fn: a program started, not a copy
            if name in self.lines:
                self.lines[name] = self.lines[name] or frame.f_lineno
                return
            frame = frame.f_back


class Health:
    """Whether the browser came out of a run alive, and if not, whether the test ended it."""

    PROBE_SECONDS = 3.0  # a frozen browser does not answer; a live one does in milliseconds

    def __init__(self, browser):
        self.browser = browser
        self.quit = False  # the learner's driver.quit() (a restart's quit leaves it alive)
        browser.add_command_listener(before=self._heard)

    def _heard(self, command, params):
        self.quit = self.quit or command == Command.QUIT

    def dead(self):
        """Why the browser no longer answers ("chromedriver ended", ...), or None."""
        process = getattr(getattr(self.browser.session, "service", None), "process", None)
        if process is not None and process.poll() is not None:
            return f"its driver ended (exit status {process.returncode})"
        client = self.browser.driver.command_executor._client_config
        bound, client.timeout = client.timeout, self.PROBE_SECONDS
        try:
            self.browser.driver.execute(Command.W3C_GET_WINDOW_HANDLES)
            return None
        except Exception as exc:  # noqa: BLE001 - whatever a dead driver raises
            said = (getattr(exc, "msg", None) or type(exc).__name__).strip().splitlines()
            return said[0] if said else type(exc).__name__
        finally:
            client.timeout = bound


def where(frame, files):
    """Where a run stopped in ``frame`` was, in the learner's files: their innermost line, and
    whether it was sleeping or in a WebDriverWait (and its timeout); None if not in them."""
    stack = []
    while frame is not None:
        stack.append(frame)
        frame = frame.f_back
    learner = next((n for n, f in enumerate(stack) if f.f_code.co_filename in files), None)
    if learner is None:
        return None
    inside, frame = stack[:learner], stack[learner]
    # A WebDriverWait anywhere in the stack, whether the stop came in its poll's sleep or in
    # the learner's own condition (a lambda on the test's line, called by until()).
    wait = next(
        (
            f.f_locals["self"]._timeout
            for f in stack
            if f.f_code.co_name in ("until", "until_not")
            and isinstance(f.f_locals.get("self"), WebDriverWait)
        ),
        None,
    )
    sleeping = wait is None and any(f.f_code is SleepWatch.sleep.__code__ for f in inside)
    return {"line": frame.f_lineno, "sleeping": sleeping, "wait_seconds": wait}
