"""Which process on this machine sent a request: the lent browser, or the learner's own code.

A learner's test runs in the same process as the child's report of it, so what that report
says of the browser (that the test drove it) is the test's to forge. The labs are served by
the grader's process, outside the box: there the TCP connection of each request is traced to
the process that holds its other end, and only a Chromium's counts as the browser's.
"""

import os
from pathlib import Path

# The executables of the browsers a grading lends: Chromium, and its headless shell.
BROWSERS = ("chrom", "headless")


def from_browser(environ):
    """True when the request's client is a Chromium process on this machine; False when it
    is another process; None when it cannot be told (not loopback, /proc unreadable)."""
    try:
        client, server = int(environ["REMOTE_PORT"]), int(environ["SERVER_PORT"])
    except (KeyError, ValueError):
        return None
    inode = _inode(client, server)
    if inode is None:
        return None
    exe = _holder(inode)
    if exe is None:
        return None
    return any(word in Path(exe).name for word in BROWSERS)


def _inode(client, server):
    """The socket inode of the connection from port ``client`` to port ``server``: the
    client's end, as /proc/net lists it (ports in hex, local first)."""
    want = (f"{client:04X}", f"{server:04X}")
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, remote = fields[1].rsplit(":", 1)[1], fields[2].rsplit(":", 1)[1]
            if (local, remote) == want:
                return fields[9]
    return None


def _holder(inode):
    """The executable of a process holding socket ``inode`` open, or None."""
    target = f"socket:[{inode}]"
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            for fd in os.scandir(f"/proc/{pid}/fd"):
                if os.readlink(fd.path) == target:
                    return os.readlink(f"/proc/{pid}/exe")
        except OSError:  # gone, or not ours to read
            continue
    return None
