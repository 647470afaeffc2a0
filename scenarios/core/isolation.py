"""Learner code in a box: it can neither signal the checker nor outlive it.

A process started with ``preexec_fn=boxed()`` enters new user and PID namespaces (where the
kernel allows), and calls ``enter()`` first thing. Three processes then stand in a row:

    checker -> keeper (outside the box) -> init (pid 1 in the box) -> the learner's code

The learner's code sees pid 1 as its parent, and pid 1 takes no signal from inside its box
(the kernel's rule for a namespace's init), not even SIGKILL or SIGSTOP; the checker and the
keeper have no pid inside the box at all, so no kill(), whatever pid it names (read from
/proc, say), reaches them. When init ends, the kernel kills everything left in the box: a
forked, setsid()'d or start_new_session child included. Init ends when the learner's
process does, or when the keeper dies (PR_SET_PDEATHSIG), which dies with the checker, so
nothing survives the checker however it ends, SIGKILL included.

Limits. Without namespaces (a container whose seccomp profile refuses them) the learner's
process runs as the keeper's child: os.kill(os.getppid(), ...) hits the keeper (the learner's
own process then dies with it, and the checker reports it), but code that walks /proc to the
checker's pid can still signal it, and what it starts in a session of its own is found only
by the environment tag the callers reap by. The box does not limit files or the network:
the learner's code runs as the learner, as their own `flask run` or `pytest` would.
"""

import ctypes
import os
import signal

from scenarios.core.processes import dying_with_this_thread

_libc = ctypes.CDLL(None, use_errno=True)
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWPID = 0x20000000
_PR_SET_PDEATHSIG = 1
# The signals a terminal, a deadline or a Ctrl-C send: the keeper and init wait them out,
# so that the learner's process, which handles them, is the one to end first.
_WAITED_OUT = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def boxed():
    """A ``preexec_fn``: the child dies with this thread, and its children are born in new
    user and PID namespaces (only a PID namespace where user namespaces are refused, as
    root; neither where both are)."""
    dying = dying_with_this_thread() or (lambda: None)
    uid, gid = os.getuid(), os.getgid()

    def preexec():
        dying()
        if _libc.unshare(_CLONE_NEWUSER | _CLONE_NEWPID) == 0:
            # Root inside the box is the learner outside it: the same files, no more.
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"0 {uid} 1")
            _write("/proc/self/gid_map", f"0 {gid} 1")
        else:
            _libc.unshare(_CLONE_NEWPID)  # root without user namespaces; else no box

    return preexec


def _write(path, text):
    with open(path, "w") as file:
        file.write(text)


def enter():
    """Called first in a process started with ``boxed()``; returns in the process that is to
    run the learner's code. The keeper and init never return: they wait for it, and end as
    it ends (its exit status, or its signal)."""
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in _WAITED_OUT}
    status_r, status_w = os.pipe()
    child = os.fork()
    if child:  # the keeper: what the checker started, and waits for
        _only_fds(status_r)
        _, status = os.waitpid(child, 0)
        told = os.read(status_r, 32)  # init's word on the learner's process, if in a box
        _end_as(int(told) if told else status)
    os.close(status_r)
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # init dies with the keeper
    if os.getpid() != 1:  # no box: the learner's code runs here, the keeper's child
        os.close(status_w)
        _restore(previous)
        return
    learner = os.fork()
    if not learner:
        os.close(status_w)
        _restore(previous)
        return
    _only_fds(status_w)
    while True:  # init reaps every orphan in the box until the learner's process ends
        pid, status = os.waitpid(-1, 0)
        if pid == learner:
            os.write(status_w, str(status).encode())
            os._exit(0)  # and the kernel kills what is left in the box


def _only_fds(keep):
    """Close every descriptor but the standard three and ``keep``: the learner's pipes to the
    checker must close when the learner's process ends, not when the keeper does."""
    os.closerange(3, keep)
    os.closerange(keep + 1, 1 << 16)


def _restore(previous):
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def _end_as(status):
    """Exit as the wait ``status`` says the learner's process did."""
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        if signum not in (signal.SIGKILL, signal.SIGSTOP):
            signal.signal(signum, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signum])
        os.kill(os.getpid(), signum)
        os._exit(128 + signum)  # a signal whose default is not to end a process
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)
