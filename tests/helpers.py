"""Running cookie-lab as a user does, and finding the browser processes a run left behind."""

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from scenarios.core.processes import settle

RUNNER = [sys.executable, "-m", "scenarios"]
TAG = "COOKIE_LAB_TEST_RUN"
# The expiring cookie's life in tests that run the scenarios: 2 s, not the real 15.
SHORT_EXPIRY_SECONDS = 2


def cookie_lab(*args, env=None, timeout=120):
    """Run the CLI to the end. One that outlives ``timeout`` is stopped as CI's cancel would
    stop it, with SIGTERM, so that it closes its browsers (a SIGKILL would leave them behind),
    and the test fails with what it printed."""
    with subprocess.Popen(
        [*RUNNER, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                stdout, stderr = process.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                stdout, stderr = process.communicate()
            raise AssertionError(
                f"cookie-lab {' '.join(args)} ran over {timeout} s:\n{stdout}{stderr}"
            ) from None
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def set_cookies(client, path):
    """The Set-Cookie headers a route answers with, through the Flask test client."""
    response = client.get(path)
    assert response.status_code == 200
    return response.headers.getlist("Set-Cookie")


def tagged_env():
    """An environment whose tag every process the run starts inherits: driver and browser."""
    return {**os.environ, TAG: uuid.uuid4().hex}


def processes_tagged(env):
    """Live processes carrying ``env``'s tag (a zombie's environment reads as empty), by
    name: any of Chromium's, its headless shell's among them, is "chromium"."""
    needle = f"{TAG}={env[TAG]}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if needle in (proc / "environ").read_bytes().split(b"\0"):
                name = (proc / "comm").read_text().strip()
                # The headless shell's name, cut at 15 characters: chromium-headle.
                found.append((int(proc.name), "chromium" if "chromium" in name else name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def survivors(env, timeout=10.0):
    """Tagged processes still alive once ``timeout`` has passed (zombies do not count).

    They are killed then: a test that finds a leak leaves nothing running behind it.
    """
    left = settle(lambda: processes_tagged(env), timeout)
    for pid, _ in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return left


class Lines:
    """``stream``'s lines as they come, read in a thread, so that a wait on them is bounded."""

    def __init__(self, stream):
        self.seen = []
        self._queue = queue.Queue()
        self._reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._reader.start()

    def _read(self, stream):
        for line in stream:
            self._queue.put(line)

    def next(self, timeout):
        """The next line; queue.Empty if none comes within ``timeout`` s."""
        line = self._queue.get(timeout=max(timeout, 0))
        self.seen.append(line)
        return line

    def until(self, prefix, within=60):
        """Read up to the first line starting with ``prefix`` and return it; if none comes
        within ``within`` s, fail with what did come."""
        deadline = time.monotonic() + within
        try:
            while not (line := self.next(deadline - time.monotonic())).startswith(prefix):
                pass
        except queue.Empty:
            raise AssertionError(
                f"no line starting {prefix!r} within {within} s; it printed:\n{''.join(self.seen)}"
            ) from None
        return line

    def rest(self, within=10):
        """The lines still to come, up to the end of the output (within ``within`` s)."""
        self._reader.join(within)
        start = len(self.seen)
        while not self._queue.empty():
            self.next(0)
        return "".join(self.seen[start:])


def signalled_halfway(command, when, running, signum, within=60, **settings):
    """Run ``command`` tagged, in its own process group as a shell runs a foreground job.

    Once a line of its output starts with ``when`` (within ``within`` s), and while the
    processes named ``running`` are up, send ``signum`` to the group. Return its exit status,
    its stderr, and the tagged processes that outlived it (killed, so none leaks).
    ``settings`` are added to its environment.
    """
    env = {**tagged_env(), **settings}
    proc = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        Lines(proc.stdout).until(when, within)
        assert {name for _, name in processes_tagged(env)} >= set(running)
        os.killpg(proc.pid, signum)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        left = survivors(env)
    return proc.returncode, proc.stderr.read(), left


# What the overlay shows, read from its shadow root: no check's selector reaches in there.
SHOWN = """
const host = document.querySelector("cookie-lab-overlay");
if (!host) return null;
const root = host.shadowRoot;
const box = root.querySelector(".box");
return {
  scenario: root.querySelector(".title").textContent,
  narration: root.querySelector(".narration").textContent,
  state: root.querySelector(".dock").dataset.state,
  count: root.querySelector(".count").textContent,
  box: box.hidden ? null : box.getBoundingClientRect().toJSON(),
  dock: root.querySelector(".dock").getBoundingClientRect().toJSON(),
  // The jar panel's rows: {name: {left, http_only, sent, seen, focus}}.
  jar: root.querySelector(".jar").hidden ? null : Object.fromEntries(Array.from(
    root.querySelectorAll(".jar tbody tr"),
    (row) => [row.cells[0].textContent, {
      left: row.cells[3].textContent, http_only: row.cells[4].textContent,
      sent: row.cells[6].textContent, seen: row.cells[7].textContent,
      focus: row.classList.contains("focus"),
    }])),
  scope: root.querySelector(".scope").textContent,
};
"""


def why_no_namespace():
    """Why this machine cannot give a command namespaces of its own (network, mounts), or
    None when it can: `unshare` needs root (CI runs as root)."""
    if shutil.which("unshare") is None:
        return "no unshare command (util-linux) to make a namespace"
    probe = subprocess.run(["unshare", "-n", "-m", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"cannot make a namespace here (root needed): {probe.stderr.strip()}"
    return None
