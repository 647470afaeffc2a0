"""The grader's side of its child process: start it, read its reports under a deadline, and
end it, leaving no browser behind whatever the learner's code did.

The child runs in a box (core/isolation.py): the learner's test cannot signal the grader, and
everything in the box (the driver, the browser, whatever the test started) dies when the
child ends, or when the grader does, SIGKILL included. Where the kernel gives no box, every
process the child starts inherits an environment tag, and whatever still carries it once
the child is gone is killed.
"""

import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from scenarios.browser.pending import LEFT_ON_GRID
from scenarios.browser.profiles import reap_stale
from scenarios.core.isolation import boxed
from scenarios.core.processes import (
    TAG,
    child_environment,
    python_module,
    reap,
    settle,
    tagged,
)

# How long the child may take to quit its browser after SIGTERM before it is killed.
GRACE_SECONDS = 5.0


class Child:
    """``python -m scenarios.tracks.automation.child SPEC``, reporting JSON lines on a pipe
    and reading the grader's answers (one word a line) on another."""

    def __init__(self, spec, module="scenarios.tracks.automation.child"):
        # ``module``: the watcher's warm child (warm_child.py) speaks the same protocol.
        self.tag = uuid.uuid4().hex
        read_end, write_end = os.pipe()
        answers, self._answers = os.pipe()
        self._stderr = tempfile.TemporaryFile()
        self._interrupted = False
        self.left_on_grid = False  # its Grid session may outlive it (child.py says so)
        # Its temporary files (its browser's profile among them) in a folder of its own: in
        # its box every run outside looks gone, and its profile clean-up, let loose in the
        # shared folder, removed the profiles of browsers still running beside it.
        self.folder = own_folder()
        settings = {TAG: self.tag, "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": self.folder}
        env = child_environment(**settings)
        try:
            self.process = subprocess.Popen(
                [
                    *python_module(module),
                    json.dumps(spec | {"events_fd": write_end, "answers_fd": answers}),
                ],
                pass_fds=(write_end, answers),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._stderr,
                # Its own group: a Ctrl-C in the terminal reaches the grader, which ends it.
                start_new_session=True,
                preexec_fn=boxed(),
            )
        finally:
            os.close(write_end)
            os.close(answers)
        self._events = read_end
        self._buffer = b""

    def next_event(self, deadline):
        """The child's next report; {"event": "timeout"} at ``deadline`` (time.monotonic),
        {"event": "exit"} once it has closed the pipe (it ended)."""
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._events], [], [], left)[0]:
                return {"event": "timeout"}
            chunk = os.read(self._events, 65536)
            if not chunk:
                # Its pipe closed: it is ending, or the learner's code closed the pipe.
                try:
                    self.process.wait(timeout=GRACE_SECONDS)
                except subprocess.TimeoutExpired:
                    _signal_group(self.process.pid, signal.SIGKILL)
                    self.process.wait(timeout=GRACE_SECONDS)
                return {"event": "exit", "status": self.process.returncode}
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            event = json.loads(line)
        except ValueError:
            event = None
        if not isinstance(event, dict) or event.get("event") in (None, "timeout", "exit"):
            # Not a line the child writes: the learner's test wrote on the pipe.
            return {"event": "garbled"}
        return event

    def send(self, word):
        """Answer the child (it waits for it); a child already gone hears nothing."""
        try:
            os.write(self._answers, word.encode() + b"\n")
        except BrokenPipeError:
            pass

    def interrupt(self):
        """SIGTERM: the child says where its run was, quits its browser and exits. Returns
        what it reported meanwhile; stop() then finishes what is left."""
        self._interrupted = True
        _signal_group(self.process.pid, signal.SIGTERM)
        deadline, said = time.monotonic() + GRACE_SECONDS, []
        while (event := self.next_event(deadline))["event"] not in ("timeout", "exit"):
            said.append(event)
        return said

    def frozen_browser(self):
        """The name of a browser process of this child's that is stopped (SIGSTOP), or None:
        a frozen browser holds a run as an endless loop would, through no fault of the test."""
        for pid in tagged(self.tag):
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            name, fields = stat[stat.index("(") + 1 : stat.rindex(")")], stat.rsplit(")", 1)[1]
            if name.startswith("chrom") and fields.split()[0] in ("T", "t"):
                return name
        return None

    def last_words(self):
        """The last line the child wrote on stderr, for a child that died unexpectedly."""
        self._stderr.seek(0)
        lines = self._stderr.read().decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else ""

    def stop(self):
        """Ask the child to quit its browser (SIGTERM), kill it if it does not, then kill
        anything it started that is still alive."""
        if self.process.poll() is None:
            if not self._interrupted:  # interrupt() gave it its grace already
                _signal_group(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=0 if self._interrupted else GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                _signal_group(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=GRACE_SECONDS)
        _signal_group(self.process.pid, signal.SIGKILL)  # what the learner's code started
        left = settle(lambda: reap(self.tag), timeout=GRACE_SECONDS)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.left_on_grid = LEFT_ON_GRID in self.last_words()
        os.close(self._events)
        os.close(self._answers)
        self._stderr.close()
        return left

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.stop()
        if exc is not None and self.left_on_grid:  # the closing line says it (cli/main.py)
            exc.add_note(LEFT_ON_GRID)


# A grading child's temporary folder: this process's pid, so that the next check removes the
# folder of one whose checker was killed outright (SIGKILL), before it could.
BOX_PREFIX = "cookie-lab-box-"


def own_folder():
    """A new temporary folder for a grading child, after removing those of checkers gone."""
    reap_stale(prefix=BOX_PREFIX)
    return tempfile.mkdtemp(prefix=f"{BOX_PREFIX}{os.getpid()}-")


def _signal_group(pid, signum):
    try:
        os.killpg(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass
