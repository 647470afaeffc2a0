"""The learner's app, served by a process of its own, and what each request to it carried.

The learner's code may end Python, serve forever, loop, fork or start threads; in a box of
its own (sandbox.py, core/isolation.py) it can only end or wedge its own process, which the
checker bounds in time and kills, with everything it started, when the check is over. It
cannot signal the checker, and what it prints reaches the terminal up to a cap.
"""

import http.client
import json
import os
import select
import signal
import subprocess
import time
import uuid

from scenarios.core.capped import CappedRelay
from scenarios.core.config import is_loopback
from scenarios.core.isolation import boxed
from scenarios.core.processes import TAG, child_environment, python_module, reap
from scenarios.lab.facade import CheckFailed
from scenarios.lab.server import url_host
from scenarios.tracks.flask_track.recorder import PRIVATE, Exchange


class AppGone(CheckFailed):
    """The app's process ended, or stopped answering, while the check ran; ``reason`` says
    how, to end a sentence."""

    def __init__(self, reason):
        super().__init__(f"expected your app to keep running, but {reason}")
        self.reason = reason


class LearnerApp:
    """Serve ``app_file`` from a child process on a free loopback port; ``last`` is what the
    last request to each path carried and how the app answered it.

    ``start_seconds`` bounds its start-up, ``seconds`` each question the checker asks it.
    ``host``: where the browser reaches the app; a Grid's node on another machine is sent to
    an address of this one (--advertise-host), and the app then listens on every interface.
    The checker's own questions still go through loopback.
    """

    def __init__(self, app_file, shown_as, seconds, start_seconds, host="127.0.0.1"):
        self.app_file = app_file
        self.host = host
        self._asked_at = host if is_loopback(host) else "127.0.0.1"
        self.shown_as = shown_as
        self.seconds = seconds
        self.start_seconds = start_seconds
        self.port = None
        self._process = None
        self._lifeline = None
        self._relays = ()
        self._tag = uuid.uuid4().hex

    @property
    def url(self):
        return f"http://{url_host(self.host)}:{self.port}"

    def __enter__(self):
        if not self.app_file.is_file():
            raise CheckFailed(f"expected your app in {self.shown_as}, but there is no such file")
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info):
        self.close()

    def _start(self):
        report, report_w = os.pipe()
        lifeline_r, self._lifeline = os.pipe()
        # As `flask run` sets it: a module-level app.run(), debug=True or not, then returns at
        # once instead of serving forever or starting a reloader that runs the checker again.
        env = child_environment(FLASK_RUN_FROM_CLI="true", **{TAG: self._tag})
        for name in ("WERKZEUG_RUN_MAIN", "WERKZEUG_SERVER_FD"):
            env.pop(name, None)
        command = [
            *python_module("scenarios.tracks.flask_track.sandbox"),
            self.app_file,
            report_w,
            lifeline_r,
            self.host,
        ]
        # Its output reaches ours as it did, but capped: a 50 MB print is a line's note.
        self._relays = (CappedRelay(1), CappedRelay(2))
        try:
            self._process = subprocess.Popen(
                list(map(str, command)),
                pass_fds=(report_w, lifeline_r),
                # Its own session: Ctrl-C reaches only the checker, which then kills the group.
                start_new_session=True,
                # In a box: it cannot signal the checker, and all it starts ends with it.
                preexec_fn=boxed(),
                stdin=subprocess.DEVNULL,
                stdout=self._relays[0].write_end,
                stderr=self._relays[1].write_end,
                env=env,
            )
        finally:
            os.close(report_w)
            os.close(lifeline_r)
            for relay in self._relays:
                relay.started()
        try:
            said = self._read_report(report)
        finally:
            os.close(report)
        if "failed" in said:
            raise CheckFailed(f"expected {self.shown_as} {said['failed']}")
        self.port = said["port"]

    def _read_report(self, fd):
        deadline = time.monotonic() + self.start_seconds
        data = b""
        while b"\n" not in data:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CheckFailed(
                    f"expected {self.shown_as} to load within {self.start_seconds:g} s, but it was "
                    "still loading: an endless loop, or a wait, outside any view?"
                )
            # A select, not a blocking read: the deadline holds, and Ctrl-C interrupts it.
            if select.select([fd], [], [], left)[0]:
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise CheckFailed(f"expected {self.shown_as} to load, but {self._ended()}")
                data += chunk
        return json.loads(data.partition(b"\n")[0])

    def gone(self):
        """Why the app's process is no longer running, in words; None while it runs."""
        return None if self._process.poll() is None else self._ended()

    def _ended(self):
        try:
            status = self._process.wait(timeout=self.seconds)
        except subprocess.TimeoutExpired:
            return "it closed the checker's pipe: does it close file descriptors?"
        if status < 0:
            return f"its process was killed by {signal.Signals(-status).name}"
        return f"its process ended with exit status {status}: does it call os._exit()?"

    @property
    def last(self):
        """{path: Exchange}, as the app's process recorded them."""
        answer = self._ask("exchanges")
        return {path: Exchange(**exchange) for path, exchange in answer.items()}

    def config(self, name):
        """``app.config[name]`` as JSON gives it back (a number, a string...); None if unset."""
        return self._ask(f"config/{name}")

    def _ask(self, what):
        connection = http.client.HTTPConnection(self._asked_at, self.port, timeout=self.seconds)
        try:
            connection.request("GET", PRIVATE + what)
            return json.loads(connection.getresponse().read())
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise AppGone(self._unanswered(error)) from None
        finally:
            connection.close()

    def _unanswered(self, error):
        # A refused or dropped connection most often means the process is on its way out
        # (os._exit in a view): wait, bounded, for it to end, so the sentence says how it
        # ended rather than a wrong "did not answer".
        if not isinstance(error, TimeoutError):
            try:
                self._process.wait(timeout=min(self.seconds, 3))
            except subprocess.TimeoutExpired:
                return "its process dropped the checker's question without an answer"
        if self._process.poll() is not None:
            return self._ended()
        return f"its process did not answer the checker within {self.seconds:g} s"

    def close(self):
        """Kill the app's process and whatever it started (its threads, its children)."""
        if self._process is not None:
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self._process.kill()  # in case the learner's code left the group
            self._process.wait(timeout=self.seconds)
            self._process = None
            reap(self._tag)  # where there is no box, what left the group
        if self._lifeline is not None:
            os.close(self._lifeline)
            self._lifeline = None
        for relay in self._relays:
            relay.close()
        self._relays = ()
