"""`cookie-lab watch`, driven as a learner drives it: in a pseudo-terminal 80 columns wide,
saving files in a copy of the exercises as committed, pressing keys, and ending it."""

import fcntl
import io
import os
import pty
import select
import signal
import struct
import termios
import threading
import time
from pathlib import Path

import pytest
from committed import ROOT, committed_tree
from helpers import RUNNER, survivors, tagged_env

from scenarios.content.exercises import catalog
from scenarios.core.config import Config
from scenarios.core.observers import Observer
from scenarios.tracks.outcome import Outcome
from scenarios.tracks.watch import Watcher
from scenarios.tracks.watch_screen import View

pytestmark = pytest.mark.browser

SOLVED_1 = (ROOT / "solutions" / "01_set_a_cookie" / "app.py").read_text()
SOLVED_9 = (ROOT / "solutions" / "09_second_request" / "test_second_request.py").read_text()
HANGING_APP = """
import time
from flask import Flask
app = Flask(__name__)

@app.route("/bake")
def bake():
    time.sleep(600)
"""


class Watch:
    """`cookie-lab watch ARGS` in a pseudo-terminal; what it wrote, read in a thread."""

    def __init__(self, args, env, columns=80):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(RUNNER[0], [*RUNNER, "watch", *args], env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        self.written, self.status = "", None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        while True:
            select.select([self.fd], [], [], 1)
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the child closed the terminal
                return
            if not chunk:
                return
            self.written += chunk.decode(errors="replace")

    def mark(self):
        return len(self.written)

    def until(self, text, after=0, within=60):
        """The screen drawn after ``after`` that says ``text``; fails with all it wrote."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            found = self.written.find(text, after)
            if found >= 0:
                start = self.written.rfind("\x1b[H\x1b[2J", 0, found)
                end = self.written.find("\x1b[H\x1b[2J", found)
                return self.written[start : end if end >= 0 else None]
            time.sleep(0.05)
        pytest.fail(f"no {text!r} within {within} s; the last screen:\n{self.last_screen()}")

    def last_screen(self):
        return self.written.rpartition("\x1b[H\x1b[2J")[2]

    def press(self, keys):
        os.write(self.fd, keys)

    def wait(self, within=30):
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                self._reader.join(5)
                return self.status
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        self.status = "killed"
        pytest.fail("watch did not end")


@pytest.fixture
def tree(tmp_path):
    return committed_tree(tmp_path)


@pytest.fixture
def start():
    """start(args) -> a Watch; at the end, none of what it started is left running."""
    env, started = {**tagged_env(), "NO_COLOR": "1"}, []
    yield lambda args: started.append(Watch(args, env)) or started[-1]
    for watch in started:
        if watch.status is None:  # the test failed first: end it as a terminal closing would
            os.kill(watch.pid, signal.SIGHUP)
            watch.wait()
    assert not survivors(env), "watch left processes running"


def save(path, text):
    """As many editors save: a temporary file beside it, renamed over it."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text)
    temporary.rename(path)


def test_a_save_checks_again_and_solved_moves_on_and_q_quits(tree, start):
    app = tree / "01_set_a_cookie" / "app.py"
    watch = start(["1", "--exercises", str(tree), "--page-load-timeout", "1"])
    shown = watch.until("Exercise 1: NOT SOLVED")
    assert f"Exercise 1 of {len(catalog.EXERCISES)}: Set a cookie" in shown
    assert "Keys: h hint (3 more)  n next exercise  r re-check your app  q quit" in shown
    assert max(map(len, shown.splitlines())) <= 80
    # A syntax error is a verdict like any other, and the watcher goes on.
    mark = watch.mark()
    app.write_text(app.read_text() + "\ndef broken(:\n")
    shown = watch.until("has a syntax error on line", after=mark)
    assert "Exercise 1: NOT SOLVED" in shown
    # So is a view that never answers.
    mark = watch.mark()
    save(app, HANGING_APP)
    shown = watch.until("did not answer /bake within 1 s", after=mark)
    assert "Exercise 1: NOT SOLVED" in shown
    # h unfolds the first hint; the screen is drawn anew, not scrolled.
    mark = watch.mark()
    watch.press(b"h")
    shown = watch.until("Hint 1: a nudge (1 of 3)", after=mark)
    assert "h hint (2 more)" in shown and "did not answer /bake" in shown
    # Saved solved: it says so and moves on to exercise 2, checked already.
    mark = watch.mark()
    save(app, SOLVED_1)
    shown = watch.until("Exercise 2: NOT SOLVED", after=mark)
    assert "Exercise 1 is solved: on to exercise 2." in shown
    total = len(catalog.EXERCISES)
    assert f"Exercise 2 of {total}: Greet the user by the name in a cookie" in shown
    watch.press(b"q")
    assert watch.wait() == 0


def test_the_automation_track_is_graded_warm_and_ctrl_c_ends_it(tree, start):
    watch = start(["9", "--exercises", str(tree)])
    shown = watch.until("Exercise 9: NOT SOLVED", within=90)
    nine = len(catalog.BY_NUMBER[9].broken)
    assert f"caught none of the {nine} broken labs" in " ".join(shown.split()), shown
    mark = watch.mark()
    save(tree / "09_second_request" / "test_second_request.py", SOLVED_9)
    shown = watch.until("Exercise 10: NOT SOLVED", after=mark)
    assert "Exercise 9 is solved: on to exercise 10." in shown
    watch.press(b"\x03")  # Ctrl-C, as the terminal sends it
    assert watch.wait() == 130
    assert "cookie-lab: interrupted; the browser was closed" in watch.last_screen()


def test_each_verdict_goes_to_the_listeners_after_the_screen_shows_it():
    # The classroom's reporter, when the learner joined, hears each verdict as check's does.
    heard = []

    class Listener(Observer):
        def exercise_finished(self, outcome):
            heard.append(("exercise_finished", outcome, out.getvalue().count("NOT SOLVED")))

        def run_finished(self, outcomes):
            heard.append(("run_finished", outcomes))

    out = io.StringIO()
    first = catalog.EXERCISES[0]
    watcher = Watcher(Config(), Path("exercises"), catalog.EXERCISES, 0, out, [Listener()])
    watcher.view = View(first, "exercises/01_set_a_cookie/")
    outcome = Outcome(first, Path("app.py"))
    watcher._checked(None, outcome, "  FAIL Visit /bake", 0.4)
    assert heard == [("exercise_finished", outcome, 1), ("run_finished", [outcome])]
