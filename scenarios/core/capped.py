"""A child's output, passed on up to a cap: a learner's 50 MB print must not flood the
terminal the class reads the checker's verdict in."""

import os
import threading

# Enough for a traceback or a few debugging prints.
LINES = 40
BYTES = 8192


class CappedRelay:
    """A pipe whose writes reach descriptor ``target`` (1 or 2) as they come, the first
    ``lines`` lines and ``size`` bytes of them; the rest is counted, and ``close()`` says
    "... (N more lines)". Give ``write_end`` to the child, then call ``started()``."""

    def __init__(self, target, lines=LINES, size=BYTES):
        self.target, self.lines, self.size = target, lines, size
        self._read_end, self.write_end = os.pipe()
        self._shown_lines = self._shown_bytes = 0
        self._more = 0  # lines not shown, a line cut short counted among them
        self._pending = False  # the last byte left out ended no line
        self._open_line = False  # what was shown ends mid-line
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def started(self):
        """The child holds its copy of the write end now: ours must go, or no EOF comes."""
        os.close(self.write_end)

    def _pump(self):
        try:
            while chunk := os.read(self._read_end, 65536):
                self._take(chunk)
        except OSError:
            pass  # closed by close(), a writer having outlived its wait

    def _take(self, chunk):
        room = min(self.size - self._shown_bytes, _room_in_lines(chunk, self._lines_left()))
        shown, dropped = chunk[:room], chunk[room:]
        if shown:
            _write_all(self.target, shown)
            self._shown_bytes += len(shown)
            self._shown_lines += shown.count(b"\n")
            self._open_line = not shown.endswith(b"\n")
        if dropped:
            if self._open_line:
                _write_all(self.target, b"\n")  # end the line cut short
                self._open_line = False
            self._more += dropped.count(b"\n")
            self._pending = not dropped.endswith(b"\n")

    def _lines_left(self):
        return max(0, self.lines - self._shown_lines)

    def close(self, within=1.0):
        """Say what was left out, once the child's output has ended (or ``within`` s)."""
        self._thread.join(within)
        more = self._more + self._pending
        if more:
            _write_all(self.target, f"... ({more} more lines)\n".encode())
        os.close(self._read_end)  # a writer still alive (its own session) gets EPIPE


def _room_in_lines(chunk, lines):
    """How many bytes of ``chunk`` hold at most ``lines`` whole lines."""
    end = 0
    for _ in range(lines):
        found = chunk.find(b"\n", end)
        if found < 0:
            return len(chunk)
        end = found + 1
    return end


def _write_all(fd, data):
    try:
        while data:
            data = data[os.write(fd, data) :]
    except OSError:
        pass  # our own output is closed: the learner's has nowhere to go either
