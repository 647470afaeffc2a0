"""The Flask track kept warm for the watcher: one browser for the whole session, and the
learner's app process started before the save (spare.py), so a check restarts only that
process, and has it ready: Python and Flask already loaded."""

import os
import signal
import subprocess
import sys

from scenarios.browser.live import Browser
from scenarios.core.processes import child_environment
from scenarios.lab.facade import CheckFailed
from scenarios.tracks.flask_track import workshop
from scenarios.tracks.flask_track.learner import LearnerApp


class Spare:
    """A learner's app process, Flask loaded, waiting for the name of the file to serve."""

    def __init__(self):
        self.report, report_w = os.pipe()
        lifeline_r, self.lifeline = os.pipe()
        go_r, self._go = os.pipe()
        self.used = False
        # As LearnerApp sets it: a module-level app.run() returns at once (see there).
        env = child_environment(FLASK_RUN_FROM_CLI="true")
        for name in ("WERKZEUG_RUN_MAIN", "WERKZEUG_SERVER_FD"):
            env.pop(name, None)
        fds = (report_w, lifeline_r, go_r)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "scenarios.tracks.flask_track.spare", *map(str, fds)],
                pass_fds=fds,
                start_new_session=True,  # its group is killed whole, as LearnerApp's is
                stdin=subprocess.DEVNULL,
                env=env,
            )
        finally:
            for fd in fds:
                os.close(fd)

    def go(self, app_file):
        """Serve ``app_file``: from here on the process is the sandbox's."""
        self.used = True
        os.write(self._go, f"{app_file}\n".encode())
        os.close(self._go)

    def discard(self):
        """End a spare never used: it reads the closed pipe as "not needed" and exits."""
        os.close(self._go)
        kill_group(self.process.pid)
        self.process.wait()
        os.close(self.report)
        os.close(self.lifeline)


class SpareApp(LearnerApp):
    """A LearnerApp served by a Spare: the same bounds and messages, no start-up to wait for."""

    def __init__(self, spare, *args):
        super().__init__(*args)
        self._spare = spare

    def _start(self):
        spare = self._spare
        # Owned from here: close() kills its group and closes the lifeline, as LearnerApp's.
        self._process, self._lifeline = spare.process, spare.lifeline
        try:
            spare.go(self.app_file)
            said = self._read_report(spare.report)
        finally:
            os.close(spare.report)
        if "failed" in said:
            raise CheckFailed(f"expected {self.shown_as} {said['failed']}")
        self.port = said["port"]

    def cancel(self):
        """Kill the app's process from another thread: the check in flight fails at once."""
        kill_group(self._spare.process.pid)


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class WarmFlask:
    """check(exercise, app_file, emit) -> Outcome, again and again, in one browser."""

    def __init__(self, config):
        self.config = config
        self._browser = Browser(config)
        self._spare = Spare()
        self._app = None

    def prepare_next(self, exercise):
        """Between checks: the next save's app process, loading while the learner types."""
        if self._spare is None:
            self._spare = Spare()

    def check(self, exercise, app_file, emit):
        spare, self._spare = self._spare or Spare(), None

        def start_app(*args):
            self._app = SpareApp(spare, *args)
            return self._app

        try:
            return workshop.check_one(
                exercise, app_file, self._browser, self.config, emit, start_app=start_app
            )
        finally:
            self._app = None
            if not spare.used:  # the check ended before the app started: no such file
                spare.discard()

    def cancel(self):
        """Called from another thread: the check in flight ends as soon as it can."""
        app = self._app
        if app is not None:
            app.cancel()

    def close(self):
        if self._spare is not None:
            self._spare.discard()
            self._spare = None
        self._browser.quit()
