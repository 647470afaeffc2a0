"""Ending cleanly, and seeing what is left: the pieces the runner, the Grid and the tests share."""

import ctypes
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, taken as Ctrl-C is: ``signum`` says which."""

    def __init__(self, signum):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_status(interrupt):
    """130 for Ctrl-C, 128 + N for signal N: what a shell reports for a process it killed."""
    return 128 + getattr(interrupt, "signum", signal.SIGINT)


@contextmanager
def stopped_like_ctrl_c(signums=(signal.SIGTERM, signal.SIGHUP)):
    """While inside, ``signums`` raise Stopped, so the same cleanup runs as for Ctrl-C.

    Closing the terminal, `timeout`, a CI cancel would otherwise end the interpreter at once,
    leaving the drivers and the Grid, which run in sessions of their own, behind. A signal
    already ignored (nohup) stays ignored; the previous handlers come back on the way out.
    """

    def stop(signum, frame):
        raise Stopped(signum)

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers, and only it receives signals
        return
    previous = {s: signal.getsignal(s) for s in signums}
    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def signals_held(signums=(signal.SIGINT, signal.SIGTERM, signal.SIGHUP)):
    """Hold ``signums`` back while inside: a clean-up that a second Ctrl-C cut short would
    leave a browser or its profile behind. They are delivered on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, signums)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def settle(probe, timeout, interval=0.1):
    """Call ``probe`` until it answers nothing (empty, False, None), for at most ``timeout``
    seconds; return its last answer."""
    deadline = time.monotonic() + timeout
    while (answer := probe()) and time.monotonic() < deadline:
        time.sleep(interval)  # a poll interval, under the deadline above
    return answer


def members(group, states=None):
    """The live processes (zombies aside) in process group ``group``, by /proc; with
    ``states``, only those in one of them ("T": stopped)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone while we looked
        if fields[0] != "Z" and int(fields[2]) == group and fields[0] in (states or fields[0]):
            found.append(int(stat.parent.name))
    return found


def python_module(module):
    """The command that runs ``module`` of the lab in a child Python, safe from its working
    directory: ``python -m`` puts that first on the import path, so a learner's ``pytest.py``
    or ``scenarios/`` there would stand in for ours (and a second checkout sharing one .venv
    would run its own copy of the checker). ``-P`` leaves it out."""
    return [sys.executable, "-P", "-m", module]


def child_environment(**settings):
    """The environment of a child process: this one's, with ``settings`` added.

    Made here, so that os.environ is read only here and in Config.from_env: a child needs
    PATH, HOME and the like, and the tag a supervisor finds it by; the lab's own settings come
    from its Config, and the lab's environment is never changed for a child's sake."""
    return {**os.environ, **settings}


# Linux's prctl, loaded here, in the parent: a child between fork and exec may only call it.
_prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)
_PR_SET_PDEATHSIG = 1


def dying_with_this_thread():
    """A ``preexec_fn`` that has the kernel SIGKILL the child when its parent dies: a run
    killed outright (SIGKILL) cannot stop its driver, which runs in a session of its own.

    Strictly, when the *thread* that started it ends: a browser must be started by a thread
    that outlives it (the runner's workers quit their browsers before they end). None where
    there is no prctl (not Linux).
    """
    if _prctl is None:
        return None
    parent = os.getpid()

    def preexec():
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above: too late
            os.kill(os.getpid(), signal.SIGKILL)

    return preexec


# The tag every process a learner's code starts inherits in its environment, by which what
# escaped its process group (a session of its own) is found and killed.
TAG = "COOKIE_LAB_LEARNER_RUN"


def tagged(tag):
    """The live processes whose environment carries ``tag`` (a zombie's reads as empty)."""
    needle = f"{TAG}={tag}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if needle in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except OSError:
            continue  # gone meanwhile, or not ours to read
    return found


def reap(tag):
    """Kill every live process whose environment carries ``tag``; return those found."""
    found = []
    for pid in tagged(tag):
        try:
            os.kill(pid, signal.SIGKILL)
            found.append(pid)
        except OSError:
            continue  # gone meanwhile
    return found
