"""The local browser's profile folders, and the ones a killed run left behind.

A run removes its profile when it quits its browser. A run killed outright (SIGKILL, a power
cut) cannot: its browser and driver die with it (see processes.dying_with_this_thread), but
the folder stays in the temporary directory. Each profile's name carries the process id of
the run that made it, so the next run can tell, and remove, those whose run is gone.

A pid is judged in the PID namespace it was read in: the grader's child, in a box with a
namespace of its own (core/isolation.py), where every process outside looks gone, keeps its
profiles in a temporary folder of its own (tracks/automation/supervisor.py). Reaping the
shared one from in there removed the live profiles of browsers beside it.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

from scenarios.core.errors import UsageError

PREFIX = "cookie-lab-profile-"
_OURS = re.compile(rf"{re.escape(PREFIX)}(\d+)-")


def alive(pid):
    """Whether process ``pid`` runs, as this process's PID namespace sees it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def reap_stale(directory=None, prefix=PREFIX):
    """Remove the folders named ``prefix``<pid>- in ``directory`` (the temporary one) whose
    run has ended: profiles, and the grader's children's folders (supervisor.py)."""
    ours = _OURS if prefix == PREFIX else re.compile(rf"{re.escape(prefix)}(\d+)-")
    for path in Path(directory or tempfile.gettempdir()).glob(f"{prefix}*"):
        match = ours.match(path.name)
        # Not ours to judge: a Grid node's profile (no run id), or a run still going.
        if match and not alive(int(match[1])):
            shutil.rmtree(path, ignore_errors=True)


def own_prefix():
    """The start of every profile folder's name this process makes."""
    return f"{PREFIX}{os.getpid()}-"


def boxed():
    """Whether this process is in a PID namespace of its own (the grader's child, in its
    box): /proc, the machine's, then names it by another pid than it knows itself by."""
    try:
        return int(os.readlink("/proc/self")) != os.getpid()
    except (OSError, ValueError):
        return False


def node_prefix():
    """The start of a Grid node's profile this process names, for a node on this machine:
    its pid as the machine sees it, which is how a run outside a box judges it. In a box, the
    pid it knows itself by would name some other process out there, or none."""
    try:
        pid = int(os.readlink("/proc/self"))
    except (OSError, ValueError):
        pid = os.getpid()
    return f"{PREFIX}{pid}-"


def remove_own(directory=None):
    """Remove every profile this process made: for a run that ends on an interrupt, with a
    browser perhaps still starting in a worker that will not finish."""
    for path in Path(directory or tempfile.gettempdir()).glob(f"{own_prefix()}*"):
        shutil.rmtree(path, ignore_errors=True)


def new_local():
    """A fresh profile folder for a local browser, after clearing away stale ones."""
    reap_stale()
    try:
        return tempfile.mkdtemp(prefix=own_prefix())
    except OSError as exc:  # a read-only or full temporary folder: say which, in one line
        raise UsageError(
            f"cannot make the browser's profile in {tempfile.gettempdir()} (TMPDIR): {exc.strerror}"
        ) from None
