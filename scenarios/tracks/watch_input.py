"""What the watcher hears: the learner's saves, from the OS's file events (watchfiles), and
their keys, one at a time without Enter, each posted to the watcher's queue from a thread."""

import os
import select
import termios
import threading
import tty
from pathlib import Path

import watchfiles

# How long a burst of file events may last before it is one save: an editor that writes a
# temporary file and renames it over the learner's makes three or four events in a row.
STEP_MS, DEBOUNCE_MS = 50, 400


class Saves:
    """post("saved", paths) for each change under ``tree`` (an exercises folder): created,
    written, renamed over or deleted. Editors' swap and backup files and bytecode are left
    out (watchfiles' DefaultFilter)."""

    def __init__(self, tree, post):
        self._stop = threading.Event()
        self._tree, self._post = tree, post
        self._thread = threading.Thread(target=self._watch, name="watch-saves", daemon=True)
        self._thread.start()

    def _watch(self):
        for changes in watchfiles.watch(
            self._tree,
            stop_event=self._stop,
            step=STEP_MS,
            debounce=DEBOUNCE_MS,
        ):
            self._post("saved", {Path(path) for _, path in changes})

    def stop(self):
        self._stop.set()
        self._thread.join(5)


class Keys:
    """post("key", letter) for each key pressed. On a terminal, keys come without Enter
    (cbreak: Ctrl-C still interrupts), and the terminal is given back as it was on stop()."""

    def __init__(self, stream, post):
        self._fd, self._post = stream.fileno(), post
        self._saved = None
        if os.isatty(self._fd):
            self._saved = termios.tcgetattr(self._fd)
            tty.setcbreak(self._fd)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="watch-keys", daemon=True)
        self._thread.start()

    def _read(self):
        while not self._stop.is_set():
            if not select.select([self._fd], [], [], 0.1)[0]:
                continue
            data = os.read(self._fd, 64)
            if not data:
                return  # no more keys (stdin closed): saves and Ctrl-C still work
            for letter in data.decode(errors="replace").lower():
                self._post("key", letter)

    def stop(self):
        self._stop.set()
        self._thread.join(1)
        if self._saved is not None:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
