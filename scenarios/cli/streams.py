"""Stream hygiene: a standard stream the shell closed (`>&-`) is held by /dev/null, so that
no file, socket or driver opened later takes its number."""

import os
import sys


def closed_streams():
    """The names of the standard streams the shell closed (`>&-`), each now on /dev/null.

    Python leaves sys.stdout None for a closed descriptor 1, and the next file or socket
    opened would take that number, and a driver started later would write its output into
    it: /dev/null holds the place instead.
    """
    closed = []
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            closed.append(name)
    if "stderr" in closed:
        sys.stderr = open(2, "w", closefd=False)  # lives as long as we do
    return closed
