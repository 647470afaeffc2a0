"""The local browser's profile folders, and the ones a killed run left behind.

A run removes its profile when it quits its browser. A run killed outright (SIGKILL, a power
cut) cannot: its browser and driver die with it (see processes.dying_with_this_thread), but
the folder stays in the temporary directory. Each profile's name carries the process id of
the run that made it, and its PID namespace, so the next run can tell, and remove, those
whose run is gone. The namespace matters: the grader's child runs in a box of its own
(core/isolation.py), where every process outside looks gone; judged by the pid alone, it
removed the profiles of browsers still running beside it, and their lasting cookies with them.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

PREFIX = "cookie-lab-profile-"
_OURS = re.compile(rf"{re.escape(PREFIX)}(\d+)-(\d+)-")


def _namespace(pid="self"):
    """The PID namespace a process is in, as the inode of its /proc link; None if gone."""
    try:
        return os.stat(f"/proc/{pid}/ns/pid").st_ino
    except OSError:
        return None


def own_prefix():
    """The start of every profile folder's name this process makes: its pid and namespace."""
    return f"{PREFIX}{os.getpid()}-{_namespace()}-"


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def _namespace_alive(namespace):
    """Whether any process on the machine is in the PID namespace ``namespace``."""
    return any(_namespace(p.name) == namespace for p in Path("/proc").glob("[0-9]*"))


def reap_stale(directory=None):
    """Remove the profiles in ``directory`` (the temporary one) whose run has ended."""
    ours = _namespace()
    for path in Path(directory or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        match = _OURS.match(path.name)
        if not match:
            continue  # not ours to judge: a name of an older version, another tool's
        pid, namespace = int(match[1]), int(match[2])
        # A pid means something only in its own namespace; another namespace's run is gone
        # only once nothing is left in that namespace.
        gone = not _alive(pid) if namespace == ours else not _namespace_alive(namespace)
        if gone:
            shutil.rmtree(path, ignore_errors=True)


def remove_own(directory=None):
    """Remove every profile this process made: for a run that ends on an interrupt, with a
    browser perhaps still starting in a worker that will not finish."""
    for path in Path(directory or tempfile.gettempdir()).glob(f"{own_prefix()}*"):
        shutil.rmtree(path, ignore_errors=True)


def new_local():
    """A fresh profile folder for a local browser, after clearing away stale ones."""
    reap_stale()
    return tempfile.mkdtemp(prefix=own_prefix())
