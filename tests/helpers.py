"""Running cookie-lab as a user does, and finding the browser processes a run left behind."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

RUNNER = [sys.executable, "-m", "scenarios"]
TAG = "COOKIE_LAB_TEST_RUN"
# The expiring cookie's life in tests that run the scenarios: 2 s, not the real 15.
SHORT_EXPIRY_SECONDS = 2


def cookie_lab(*args, env=None, timeout=120):
    return subprocess.run(
        [*RUNNER, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def tagged_env():
    """An environment whose tag every process the run starts inherits: driver and browser."""
    return {**os.environ, TAG: uuid.uuid4().hex}


def processes_tagged(env):
    """Live processes carrying ``env``'s tag (a zombie's environment reads as empty)."""
    needle = f"{TAG}={env[TAG]}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if needle in (proc / "environ").read_bytes().split(b"\0"):
                found.append((int(proc.name), (proc / "comm").read_text().strip()))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


# What the overlay shows, read from its shadow root: no check's selector reaches in there.
SHOWN = """
const host = document.querySelector("cookie-lab-overlay");
if (!host) return null;
const root = host.shadowRoot;
const box = root.querySelector(".box");
return {
  scenario: root.querySelector(".scenario").textContent,
  narration: root.querySelector(".narration").textContent,
  state: root.querySelector(".banner").dataset.state,
  box: box.hidden ? null : box.getBoundingClientRect().toJSON(),
};
"""
