"""A new Grid session asked for, and what becomes of it when its asker stops waiting.

A Grid starts the browser a request asks for even when the asker has gone: a Ctrl-C while
the request was in flight left a session nobody would quit, holding one of the Grid's slots
until its idle timeout (5 minutes by default), while we said the browser was closed. The
request runs in a thread of its own; an interrupt gives it a few seconds more to answer and
quits the session it returns. One that has not answered by then is said, in a note on the
interrupt, which the closing line prints.
"""

import threading

from scenarios.browser.session import quit_promptly

# How long an interrupted start waits for the Grid's answer: a Grid with a free slot starts
# a browser in a second or two, and a grading child has 5 s to quit its browser in all.
GRACE_SECONDS = 3.0
STEP_SECONDS = 0.5
# What the closing line says when the Grid had not answered by then.
LEFT_ON_GRID = (
    "the Grid had not answered the request for a browser: it may still start one and hold it "
    "until its idle timeout"
)


def started(make, grace=GRACE_SECONDS):
    """``make()``'s driver; an interrupt while it runs quits the driver it returns within
    ``grace`` seconds, or notes on the interrupt that the Grid may hold a session."""
    request = _Request(make)
    _IN_FLIGHT.add(request)
    try:  # started inside: an interrupt as soon as the request is sent is one too
        request.start()
        # In steps: a Ctrl-C that lands just before the wait blocks wakes nothing, and is
        # raised at the next step's end.
        while not request.done.wait(STEP_SECONDS):
            pass
    except BaseException as exc:
        if not request.settle(grace):
            exc.add_note(LEFT_ON_GRID)
        raise
    finally:
        _IN_FLIGHT.discard(request)
    if request.error is not None:
        raise request.error
    return request.driver


# The requests being waited for, by any thread: a worker thread's asker is not the one a
# Ctrl-C interrupts, so the main thread ends them (abandon_all).
_IN_FLIGHT = set()


def abandon_all():
    """After an interrupt, once the threads asking have had their grace: quit the sessions
    that came, and mark the rest for quitting when they come. Returns False when the Grid
    may still hold one: the interrupt's closing line says so (LEFT_ON_GRID)."""
    return all([request.settle(0) for request in list(_IN_FLIGHT)])


class _Request:
    """One new-session request in its own thread, and whoever must quit what it returns."""

    def __init__(self, make):
        self.make = make
        self.driver, self.error = None, None
        self.abandoned = False
        self.done = threading.Event()
        self._lock = threading.Lock()

    def start(self):
        threading.Thread(target=self._run, name="cookie-lab-new-session", daemon=True).start()

    def _run(self):
        try:
            self.driver = self.make()
        except BaseException as exc:  # noqa: BLE001 - handed to the asker, who raises it
            self.error = exc
        with self._lock:
            self.done.set()
            orphan = self.driver if self.abandoned else None
        if orphan is not None:  # answered after its asker stopped waiting: still ours to end
            _quit_quietly(orphan)

    def settle(self, grace):
        """After an interrupt: quit the session if it comes within ``grace`` seconds.
        True when nothing is left on the Grid (or the thread will quit it, if it lives)."""
        self.done.wait(grace)
        with self._lock:
            if not self.done.is_set():
                self.abandoned = True
                return False
        if self.driver is not None:
            _quit_quietly(self.driver)
        return True


def _quit_quietly(driver):
    try:
        quit_promptly(driver)
    except Exception:  # noqa: BLE001 - the interrupt is what gets reported
        pass
