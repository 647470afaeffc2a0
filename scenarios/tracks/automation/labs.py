"""The labs of a grading, served by the grader's own process behind one address."""

import threading

from lab_app import create_app
from scenarios.lab.server import LabServer
from scenarios.tracks.automation.peers import from_browser


class Labs:
    """The real lab (None) and broken labs by name, one at a time behind one LabServer.

    The learner's test gets the same ``lab_url`` on every run and its process holds no lab at
    all, so nothing in it (an option, a fixture, a stack frame, an object on the heap) names
    the lab it runs against: it can tell a broken lab from the real one only by testing it.
    Each run gets a lab of its own, built in a few milliseconds before the run is let go: a
    lab that counts visits (set-on-second-visit) must not remember another run's.
    """

    def __init__(self, expiry_seconds, advertise="127.0.0.1", local_browser=True):
        self._expiry = expiry_seconds
        # Whether the browser that visits is on this machine, so that its requests can be
        # told from the learner's own (peers.py): a Grid's node is another machine.
        self._local_browser = local_browser
        self._lock = threading.Lock()
        # Since the last serve(): whether a request came from a browser on this machine (True),
        # only from other processes (False), or it cannot be told (None: a Grid's browser).
        self.browser_seen = None
        # ``advertise``: where a Grid's node reaches the labs (--advertise-host).
        self._server = LabServer(self._dispatch, advertise=advertise)
        self.url = self._server.url
        self._current = self._app(None)

    def _app(self, variant):
        # The other site (other_url) links and posts to the lab at the lab_url the test got.
        return create_app({"EXPIRY_SECONDS": self._expiry, "BROKEN": variant, "LAB_URL": self.url})

    def serve(self, variant):
        """From now on, answer with a new real lab (None) or broken lab ``variant``; a new
        run starts, which the browser has not visited yet."""
        self._current = self._built(variant)
        with self._lock:
            self.browser_seen = False if self._local_browser else None

    def _built(self, variant):
        return self._app(variant)

    def _dispatch(self, environ, start_response):
        if self.browser_seen is False:
            # Traced once a run, until the browser is seen: a few milliseconds.
            seen = from_browser(environ)
            with self._lock:
                if seen is not False and self.browser_seen is False:
                    # True; or None where /proc cannot tell: the child's word stands then.
                    self.browser_seen = seen
        return self._current(environ, start_response)

    def __enter__(self):
        self._server.__enter__()
        return self

    def __exit__(self, *exc_info):
        self._server.__exit__(*exc_info)
