"""Running cookie-lab as a user does, and finding the browser processes a run left behind."""

import os
import queue
import re
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
  // The jar panel's rows: {name: {site, left, http_only, sent, seen, focus}}.
  jar: root.querySelector(".jar").hidden ? null : Object.fromEntries(Array.from(
    root.querySelectorAll(".jar tbody tr"),
    (row) => [row.cells[0].textContent, {
      site: row.cells[2].textContent, left: row.cells[4].textContent,
      http_only: row.cells[5].textContent, sent: row.cells[7].textContent,
      seen: row.cells[8].textContent,
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


# What the class sees at the end of a step: the boxed element, the jar panel's rows, and
# the measures that say whether the back row can read it.
SEEN = """
const root = document.querySelector("cookie-lab-overlay").shadowRoot;
const box = root.querySelector(".box");
const selector = box.hidden ? "" : box.dataset.selector;
const target = selector && document.querySelector(selector);
const rect = (el) => el.getBoundingClientRect().toJSON();
const jar = root.querySelector(".jar");
const cells = Array.from(jar.querySelectorAll("th, td, .jar-title, .empty"));
const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
return {
  selector,
  target_text: target ? target.innerText : "",
  target_cookie: target ? target.dataset.cookieName || "" : "",
  carried: Array.from(document.querySelectorAll("#received-cookies tr[data-cookie-name]"),
    (row) => row.dataset.cookieName),
  // What the boxed request (another site's frame, fetch or image of the lab) carried.
  has_received: Boolean(document.getElementById("received-cookies")),
  request_carried: target && target.dataset.cookies !== undefined
    ? target.dataset.cookies.split(" ").filter(Boolean) : null,
  sent: Object.fromEntries(Array.from(jar.querySelectorAll("tbody tr"),
    (row) => [row.dataset.name, row.cells[7].textContent])),
  names: Array.from(jar.querySelectorAll("tbody tr"), (row) => row.dataset.name),
  focus: Array.from(jar.querySelectorAll("tbody tr.focus"), (row) => row.dataset.name),
  smallest: Math.min(...cells.filter((c) => c.offsetParent).map(
    (c) => parseFloat(getComputedStyle(c).fontSize))),
  cut: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
  colours: [...new Set(cells.map((c) => getComputedStyle(c).color))].map(rgb),
  narration_colour: rgb(getComputedStyle(root.querySelector(".narration")).color),
  background: rgb(getComputedStyle(root.querySelector(".dock")).backgroundColor),
  banner: rect(root.querySelector(".banner")),
  panel: rect(jar),
  width: innerWidth,
};
"""


def contrast(one, two):
    """The WCAG contrast ratio of two sRGB colours."""

    def luminance(rgb):
        channels = [c / 255 for c in rgb[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def what_the_class_sees_is_true(step, seen):
    """What is wrong with ``seen`` for ``step`` (an empty list when nothing is): its box and
    its highlighted jar rows belong to the cookies the step declares, and all of it is
    legible from the back row."""
    wrong = []
    about = set(step.about)
    if not about:
        return [f"{step.narration!r} declares no cookie it is about"]
    held = about & set(seen["names"])
    if set(seen["focus"]) != held:
        wrong.append(f"the jar highlights {seen['focus']}, not {sorted(held)}")
    if step.shows:
        if seen["selector"] != step.shows:
            wrong.append(f"it boxes {seen['selector']!r}, not its own {step.shows!r}")
    elif seen["selector"]:
        text = seen["target_text"]
        named = seen["target_cookie"] in about or any(re.search(rf"\b{n}\b", text) for n in about)
        # A table none of its cookies is in: the step shows them not carried.
        absent = seen["selector"] == "#received-cookies" and not about & set(seen["carried"])
        if not (named or absent):
            wrong.append(f"it boxes {seen['selector']!r}: {seen['target_text'][:80]!r}")
    elif held and not seen["focus"]:
        wrong.append("it shows nothing: no box and no jar row")
    # "sent ...?" says what the request the step is about carried: the boxed one, else the
    # page's own (when the page lists it).
    truth = seen["request_carried"]
    if truth is None and seen["has_received"]:
        truth = seen["carried"]
    if truth is not None:
        for name, said in seen["sent"].items():
            if said in ("yes", "no") and (said == "yes") != (name in truth):
                wrong.append(f"the jar says {name} sent: {said}, but the request carried {truth}")
    if seen["smallest"] < 18:
        wrong.append(f"jar text of {seen['smallest']} px")
    if seen["cut"]:
        wrong.append(f"jar text cut: {seen['cut']}")
    least = contrast(seen["narration_colour"], seen["background"])
    for colour in seen["colours"]:
        if contrast(colour, seen["background"]) < least:
            wrong.append(f"jar text in {colour}, fainter than the narration")
    if seen["banner"]["right"] > seen["panel"]["left"]:
        wrong.append(f"the banner runs under the jar panel: {seen['banner']}, {seen['panel']}")
    return wrong
