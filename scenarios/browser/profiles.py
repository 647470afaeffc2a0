"""The local browser's profile folders, and the ones a killed run left behind.

A run removes its profile when it quits its browser. A run killed outright (SIGKILL, a power
cut) cannot: its browser and driver die with it (see processes.dying_with_this_thread), but
the folder stays in the temporary directory. Each profile's name carries the process id of
the run that made it, and a file in it (OWNER) its PID namespace too, so the next run can
tell, and remove, those whose run is gone. The namespace matters: the grader's child runs in
a box of its own (core/isolation.py), where every process outside looks gone; judged by the
pid alone, it removed the profiles of browsers still running beside it, and their lasting
cookies with them. (Not in the name: a profile's path must stay short, for Chromium's socket
in the TMPDIR inside it; see launch.py.)
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

PREFIX = "cookie-lab-profile-"
OWNER = "cookie-lab-owner"
_OURS = re.compile(rf"{re.escape(PREFIX)}(\d+)-")


def _namespace(pid="self"):
    """The PID namespace a process is in, as the inode of its /proc link; None if gone."""
    try:
        return os.stat(f"/proc/{pid}/ns/pid").st_ino
    except OSError:
        return None


def own_prefix():
    """The start of every profile folder's name this process makes."""
    return f"{PREFIX}{os.getpid()}-"


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


def _owner(path, ours):
    """The PID namespace of the run that made the profile ``path``."""
    try:
        return int((path / OWNER).read_text())
    except (OSError, ValueError):
        return ours  # a Grid node's profile on this machine, named by our run


def _gone(path, pid, ours):
    # A pid means something only in its own namespace; another namespace's run is gone
    # only once nothing is left in that namespace.
    namespace = _owner(path, ours)
    return not _alive(pid) if namespace == ours else not _namespace_alive(namespace)


def reap_stale(directory=None):
    """Remove the profiles in ``directory`` (the temporary one) whose run has ended."""
    ours = _namespace()
    for path in Path(directory or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        match = _OURS.match(path.name)
        if match and _gone(path, int(match[1]), ours):
            shutil.rmtree(path, ignore_errors=True)


def remove_own(directory=None):
    """Remove every profile this process made: for a run that ends on an interrupt, with a
    browser perhaps still starting in a worker that will not finish."""
    ours = _namespace()
    for path in Path(directory or tempfile.gettempdir()).glob(f"{own_prefix()}*"):
        if _owner(path, ours) == ours:  # our pid in another namespace is another run
            shutil.rmtree(path, ignore_errors=True)


def new_local():
    """A fresh profile folder for a local browser, after clearing away stale ones."""
    reap_stale()
    folder = tempfile.mkdtemp(prefix=own_prefix())
    Path(folder, OWNER).write_text(str(_namespace()))
    return folder
