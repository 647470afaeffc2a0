"""The learner's outbox: verdicts not yet acknowledged by the classroom, in a file of their
checkout (.cookie-lab/outbox.json), so that a classroom that is down loses nothing: they go
with the next check. Each verdict carries its own key, so one sent twice (its answer lost on
the way back) is stored once. Two checks at once (a `watch` and a `check`) each take the lock
for a read-and-write, never across a network call."""

import fcntl
import json
from contextlib import contextmanager
from pathlib import Path

from scenarios.core import atomic

# A learner offline for a whole workshop checks a few hundred times at most; past this the
# oldest go, so the file cannot grow without end.
MOST = 2000


class Outbox:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.path = self.folder / "outbox.json"

    @contextmanager
    def _locked(self):
        self.folder.mkdir(mode=0o700, exist_ok=True)
        with open(self.folder / "outbox.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _read(self):
        try:
            verdicts = json.loads(self.path.read_text())
        except FileNotFoundError:
            return []
        except ValueError:  # never half-written (atomic), but a hand may have edited it
            return []
        return verdicts if isinstance(verdicts, list) else []

    def _write(self, verdicts):
        atomic.write(self.path, json.dumps(verdicts[-MOST:]) + "\n", "the classroom's outbox")

    def add(self, verdicts):
        with self._locked():
            self._write(self._read() + list(verdicts))

    def pending(self):
        with self._locked():
            return self._read()

    def forget(self, keys):
        """Drop the verdicts whose keys are in ``keys`` (acknowledged, or refused for good)."""
        keys = set(keys)
        if not keys:
            return
        with self._locked():
            self._write([v for v in self._read() if v.get("key") not in keys])
