"""The checks a scenario makes of the browser's cookie jar, said as a learner reads them.

A part of the Lab facade (``lab.expect_stored(...)``): it reads ``self.jar``, the jar the Lab
was handed, and fails a step with ``self.check``.
"""

import time

from scenarios.core.errors import CheckFailed


class JarExpectations:
    """What the browser must hold, and for how long; the Lab's ``jar`` and ``check`` serve."""

    def stored(self, name):
        """The cookie ``name`` in the browser's jar, any path; None when it holds none."""
        return next((c for c in self.jar.all() if c.name == name), None)

    def expect_stored(self, name, value=None, here=False):
        """``name`` is in the jar (with ``value``); ``here``: read without leaving the page."""
        cookies = self.jar.here() if here else self.jar.all()
        cookie = next((c for c in cookies if c.name == name), None)
        if cookie is None:
            names = sorted(c.name for c in cookies)
            holds = f"it holds only {', '.join(names)}" if names else "it holds no cookies"
            raise CheckFailed(f"expected the browser to store a cookie named {name}, but {holds}")
        self.check(
            value is None or cookie.value == value,
            f"expected the browser to store {name}={value}, but it stores {name}={cookie.value}",
        )
        return cookie

    def expect_not_stored(self, name):
        self.check(
            self.stored(name) is None,
            f"expected the browser to hold no {name}, but it still holds it",
        )

    def days_to_expiry(self, name):
        """How many days the browser will keep ``name``; a check fails if it is not stored."""
        cookie = self.expect_stored(name)
        self.check(
            cookie.expires is not None,
            f"expected {name} to have an expiry, but the browser keeps it for the session only",
        )
        return (cookie.expires - time.time()) / 86400

    def expect_expires_in(self, name, days):
        """``name`` is stored to expire ``days`` from now, give or take a day."""
        left = self.days_to_expiry(name)
        self.check(
            abs(left - days) < 1,
            f"expected the browser to keep {name} for {days} days, but it expires in "
            f"{left:.1f} days",
        )
