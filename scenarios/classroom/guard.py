"""Who may do what: the instructor's token compared in constant time, a Bearer header read,
and a per-learner rate limit (a token bucket), so one learner's loop cannot drown the class."""

import hmac
import threading
import time


def bearer(request):
    """The token of an ``Authorization: Bearer TOKEN`` header, or None."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def same_secret(given, expected):
    """Whether ``given`` is ``expected``, in time that does not depend on where they differ:
    a comparison that stops at the first wrong character tells an attacker how many were
    right."""
    if not isinstance(given, str):
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


class RateLimit:
    """At most ``burst`` requests at once per key, refilled at ``per_second``.

    A learner's `make exercises` posts one batch per check, so a learner never comes near it;
    a loop that posts as fast as it can is told to wait (429 and Retry-After)."""

    def __init__(self, burst=20, per_second=2.0, clock=time.monotonic):
        self.burst, self.per_second, self._clock = burst, per_second, clock
        self._buckets = {}  # key: (tokens, when)
        self._lock = threading.Lock()

    def allow(self, key):
        """0 when the request may go on (it is counted), else the seconds to wait."""
        with self._lock:
            tokens, now = self._tokens(key)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return (1 - tokens) / self.per_second
            self._buckets[key] = (tokens - 1, now)
            return 0

    def waiting(self, key):
        """The seconds ``key`` must wait, counting nothing: a guesser whose bucket is empty
        is refused before their guess is compared, so a right guess tells them nothing."""
        with self._lock:
            tokens, _ = self._tokens(key)
            return 0 if tokens >= 1 else (1 - tokens) / self.per_second

    def _tokens(self, key):
        now = self._clock()
        tokens, when = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - when) * self.per_second), now
