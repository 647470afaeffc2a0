"""A learner's app process started ahead of the save: `python -m
scenarios.tracks.flask_track.spare REPORT_FD LIFELINE_FD GO_FD`.

It loads Python, Flask, Werkzeug and the recorder while the learner is still typing, then
waits for one line on GO_FD, the app file's path, and from there is the sandbox (sandbox.py)
for that file: the same report, the same lifeline, the same process group to kill. Python's
start and Flask's import, most of a cold app start, are then no part of the learner's wait.
"""

import os
import sys
import threading
from pathlib import Path

from scenarios.tracks.flask_track import sandbox


def main(report_fd, lifeline_fd, go_fd):
    os.set_inheritable(go_fd, False)
    # The watcher may end (or be killed) before it ever needs this process.
    threading.Thread(target=sandbox._lifeline, args=(lifeline_fd,), daemon=True).start()
    with os.fdopen(go_fd) as go:
        app_file = go.readline().strip()
    if not app_file:  # the watcher closed the pipe: this spare was not needed
        os._exit(0)
    sandbox.main(Path(app_file), report_fd, lifeline_fd)


if __name__ == "__main__":
    main(*map(int, sys.argv[1:4]))
