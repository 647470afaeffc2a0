"""A new Grid session whose asker is interrupted is still quit when it comes (pending.py),
and a full Grid is said as full (launch.py).

The Grid here is a fake ``make``: it blocks until the test lets it answer, so the interrupt
always comes while the request is in flight, as a Ctrl-C during a Grid's slow start does.
"""

import http.server
import json
import signal
import threading

import pytest

from scenarios.browser import pending
from scenarios.browser.launch import Remote
from scenarios.core.config import Config
from scenarios.core.errors import UsageError


class FakeDriver:
    def __init__(self):
        self.quit_called = threading.Event()

    def quit(self):
        self.quit_called.set()


class SlowGrid:
    """Answers a new-session request only when ``answer`` is set."""

    def __init__(self):
        self.asked, self.answer = threading.Event(), threading.Event()
        self.driver = FakeDriver()

    def make(self):
        self.asked.set()
        assert self.answer.wait(30), "the test never let the Grid answer"
        return self.driver


def _interrupt_when(event, then=None):
    """Ctrl-C the main thread (the asker) once ``event`` is set; then run ``then``."""

    def interrupt():
        assert event.wait(30)
        # A real SIGINT, as Ctrl-C sends: it wakes the asker's wait, which
        # _thread.interrupt_main() (a flag only) would not.
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
        if then is not None:
            then()

    threading.Thread(target=interrupt, daemon=True).start()


def test_a_session_that_comes_within_the_grace_is_quit(monkeypatch):
    grid, settling = SlowGrid(), threading.Event()
    settle = pending._Request.settle

    def settle_seen(self, grace):
        settling.set()
        return settle(self, grace)

    monkeypatch.setattr(pending._Request, "settle", settle_seen)
    # The Grid answers only once the asker, interrupted, is waiting out its grace.
    _interrupt_when(grid.asked, then=lambda: settling.wait(30) and grid.answer.set())
    with pytest.raises(KeyboardInterrupt) as interrupted:
        pending.started(grid.make, grace=30)
    assert grid.driver.quit_called.is_set()
    assert pending.LEFT_ON_GRID not in getattr(interrupted.value, "__notes__", [])


def test_a_session_later_than_the_grace_is_said_and_quit_when_it_comes():
    grid = SlowGrid()
    _interrupt_when(grid.asked)
    with pytest.raises(KeyboardInterrupt) as interrupted:
        pending.started(grid.make, grace=0.05)
    assert interrupted.value.__notes__ == [pending.LEFT_ON_GRID]
    grid.answer.set()  # the Grid answers at last: the request's own thread quits it
    assert grid.driver.quit_called.wait(10)


def test_an_uninterrupted_start_returns_the_driver_or_raises_its_error():
    grid = SlowGrid()
    grid.answer.set()
    assert pending.started(grid.make) is grid.driver
    assert not grid.driver.quit_called.is_set()

    def refused():
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        pending.started(refused)


class FullGrid(http.server.BaseHTTPRequestHandler):
    """A Grid whose every slot is busy: /status answers; a new session is refused as its
    queue's timeout does (``refuse``), or never answered (a queue longer than our wait)."""

    refuse = True

    def do_GET(self):
        self._answer(200, {"value": {"ready": False, "message": "no free slot"}})

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        if not self.refuse:
            self.server.asked.wait(30)  # released when the test ends
            return
        why = "Could not start a new session. New session request timed out \nHost info: x"
        self._answer(500, {"value": {"error": "session not created", "message": why}})

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("refuse", [True, False], ids=["queue-timed-out", "our-wait-ended"])
def test_a_full_grid_is_said_as_full_not_out_of_reach(monkeypatch, refuse):
    monkeypatch.setattr(FullGrid, "refuse", refuse)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FullGrid)
    server.asked = threading.Event()
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:  # the shortest wait there is: six page loads of 0.5 s
        with pytest.raises(UsageError) as refused:
            Remote(Config(remote_url=url, page_load_seconds=0.5)).start(None)
    finally:
        server.asked.set()
        server.shutdown()
        server.server_close()
    said = str(refused.value)
    assert said.startswith(f"the Grid at --remote-url {url} answered but had no free browser ")
    assert "give the Grid more --max-sessions or nodes" in said and "\n" not in said
    assert ("may still start the browser" in said) is not refuse
