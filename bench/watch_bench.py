"""`cookie-lab watch` timed as a learner meets it, side by side with a cold `cookie-lab check N`:
from the save of the solution to the verdict on the screen (watch, warm: its browser, its
spare app process or grading child ready), and from the command to its exit (check, cold).

Each sample is a watch of its own on a copy of the exercises (solved, the watcher moves on,
so it cannot be saved solved twice), started and let settle before the save is timed. The
two alternate, sample by sample, so a machine loaded by others weighs on both alike.
"""

import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scenarios.content.exercises.catalog import BY_NUMBER

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "scenarios"]
# From the save to the verdict: half a second on the Flask track, 1.5 s for exercise 9's
# nine runs (four on the real lab, five broken labs).
TARGETS = {1: 0.5, 2: 0.5, 3: 0.5, 9: 1.5}
SETTLE_SECONDS = 1.0  # after the first verdict: the spare app process loads meanwhile


class Terminal:
    """A command in a pseudo-terminal; ``until(text)`` reads it until ``text`` is written."""

    def __init__(self, args):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(COMMAND[0], [*COMMAND, *args], {**os.environ, "NO_COLOR": "1"})
            finally:
                os._exit(127)
        self.written = b""

    def until(self, text, within=120.0):
        deadline = time.monotonic() + within
        while text.encode() not in self.written:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                sys.exit(f"bench: no {text!r} from watch:\n{self.written.decode()[-2000:]}")
            self.written += os.read(self.fd, 65536)
        return time.perf_counter()

    def quit(self):
        os.write(self.fd, b"q")
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def warm(tree, number, solution):
    """Seconds from saving ``solution`` over exercise ``number``'s file to the verdict."""
    exercise = BY_NUMBER[number]
    term = Terminal(["watch", str(number), "--exercises", str(tree)])
    try:
        term.until(f"Exercise {number}: NOT SOLVED")
        time.sleep(SETTLE_SECONDS)  # a learner typing: not part of the wait being measured
        saved = time.perf_counter()
        shutil.copy(solution, tree / exercise.folder / exercise.file_name)
        return term.until(f"Exercise {number} is solved") - saved
    finally:
        term.quit()


def cold(tree, number):
    """Seconds of a whole `cookie-lab check N` of the solved file: what a learner ran."""
    start = time.perf_counter()
    done = subprocess.run(
        [*COMMAND, "check", str(number), "--exercises", str(tree)], capture_output=True
    )
    if done.returncode != 0:
        sys.exit(f"bench: check {number} of the solution failed:\n{done.stdout.decode()}")
    return time.perf_counter() - start


def measure(repeat):
    """{row name: [seconds...]} for each exercise of TARGETS, watch and check side by side."""
    rows = {}
    for number in TARGETS:
        exercise = BY_NUMBER[number]
        solution = ROOT / "solutions" / exercise.folder / exercise.file_name
        rows[name(number, "watch")], rows[name(number, "check")] = [], []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as scratch:
                tree = Path(shutil.copytree(ROOT / "exercises", Path(scratch) / "exercises"))
                rows[name(number, "watch")].append(warm(tree, number, solution))
                rows[name(number, "check")].append(cold(tree, number))
    return rows


def name(number, how):
    if how == "watch":
        return f"watch {number}: save to verdict, warm"
    return f"check {number}: cold, the whole command"


def target(row):
    """The row's target, for the watch's rows; the cold check's are for comparison."""
    for number, seconds in TARGETS.items():
        if row == name(number, "watch"):
            return seconds
    return None
