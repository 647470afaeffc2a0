"""The Flask track's checks of what the learner's app itself sent: the Set-Cookie header the
lesson is about, the heading its page was sent with, and why a cookie was not carried.

A part of ExerciseLab: it reads ``recorder`` (what each request carried, what each response
sent), ``visited`` (the path last visited), ``jar`` and ``page``, and fails with ``check``."""

from scenarios.core.errors import CheckFailed
from scenarios.tracks.flask_track import served

HEADER = "the lesson is the response's Set-Cookie header"


class ResponseExpectations:
    def _sent(self, name):
        """The visited path's response, and its Set-Cookie headers for ``name``."""
        exchange = self.recorder.last.get(self.visited)
        headers = exchange.set_cookies if exchange else []
        return exchange, [h for h in headers if h.startswith(f"{name}=")]

    def expect_sent(self, name, value=None, lasting=None, how="response.set_cookie(...)"):
        """The visited path's response set ``name`` (to ``value``) with a Set-Cookie header,
        with a lifetime (``lasting`` True) or as a session cookie (False); its header."""
        where = self.visited
        exchange, headers = self._sent(name)
        if not headers:
            if exchange is not None and 300 <= (exchange.status or 0) < 400:
                why = (
                    f"it answered {exchange.status}, a redirect: the cookie must come on "
                    f"{where}'s own response"
                )
            else:
                why = (
                    f"the browser's {name} came from a script in the page, or another page"
                    if self.stored(name) or name in self.page.carried()
                    else "nothing set it"
                )
            raise CheckFailed(
                f"expected the response to {where} to set {name} with a Set-Cookie header, but "
                f"it sent no Set-Cookie for {name} ({why}): {HEADER}, {how}"
            )
        header = headers[-1]  # the browser applies them in order: the last one wins
        self.check(
            value is None or served.value(header) == value,
            f"expected the response to {where} to set {name}={value}, but it sent "
            f"Set-Cookie: {header}",
        )
        if lasting and not served.lasting(header):
            kept = self.stored(name)
            why = (
                f"the expiry the browser holds came from a script in the page, and {HEADER}"
                if kept is not None and kept.expires is not None
                else f"so the browser forgets {name} when it closes"
            )
            raise CheckFailed(
                f"expected the response to {where} to give {name} its lifetime in its "
                f"Set-Cookie header (Max-Age or Expires), but it sent Set-Cookie: {header}, "
                f"with neither: {why}"
            )
        if lasting is False:
            self.check(
                not served.lasting(header),
                f"expected {name} to be a session cookie, with no Max-Age or Expires, but the "
                f"response to {where} sent Set-Cookie: {header}",
            )
        return header

    def expect_not_sent(self, name, why):
        header = next(iter(self._sent(name)[1]), None)
        self.check(
            header is None,
            f"expected the response to {self.visited} to send no Set-Cookie for {name} ({why}), "
            f"but it sent Set-Cookie: {header}",
        )

    def expect_deleted_by(self, name, path):
        """The visited path's response deleted ``name`` at ``path`` with its header."""
        header = self.expect_sent(name, how=f'response.delete_cookie("{name}", path=...)')
        self.check(
            served.attribute(header, "Path") == path and served.expired(header),
            f"expected the response to {self.visited} to delete {name} at Path={path}, but it "
            f"sent Set-Cookie: {header}: the browser dropped {name} all the same, so a script "
            f"in the page deleted it, and {HEADER}",
        )

    def expect_sent_heading(self, text):
        """The page as the app sent it has ``text`` in its first <h1>, not only as a script
        in it wrote it."""
        exchange = self.recorder.last.get(self.page.path)
        said = served.first_heading(exchange.page) if exchange else None
        saw = f'its <h1> says "{said}"' if said else "its <h1> is empty"
        if said is None:
            saw = "it has no <h1>"
        self.check(
            said == text,
            f'expected the page your app sent for {self.page.path} to say "{text}" in its <h1>, '
            f"but {saw}: a script in the page wrote the heading the browser shows, and the "
            "check wants it from your app, which reads the cookies the request carried",
        )

    def expect_stored(self, name, value=None, here=False):
        """As the jar's check, but a cookie the browser refused says why, from its header."""
        if self.stored(name) is None and (why := self.refused_because(name)):
            raise CheckFailed(f"expected the browser to store a cookie named {name}, but {why}")
        return super().expect_stored(name, value, here)

    def refused_because(self, name):
        """Why the browser refused the Set-Cookie the visited path's response sent for
        ``name``; None when it sent none, or nothing in it explains a refusal."""
        headers = self._sent(name)[1]
        header = headers[-1] if headers else None
        if header is None or (served.attribute(header, "SameSite") or "").lower() != "none":
            return None
        if served.attribute(header, "Secure") is not None:
            return None
        return (
            f"it refused the one your app sent, Set-Cookie: {header}: a browser drops a "
            "SameSite=None cookie that does not say Secure too (secure=True)"
        )

    def kept_home_from(self, exchange):
        """Why a cookie the browser holds did not go along with ``exchange``, the request to
        the current page: its Path; None when no cookie was kept home by its path."""
        held = {c.name for c in self.jar.all()} - set(exchange.cookies)
        for name in sorted(held):
            if why := self.not_carried_because(name):
                return f"the request carried no {name}: {why}"
        return None

    def left_home_because(self, name):
        """Why the browser left ``name`` home on another site's link to the current page, as
        its jar says: the cookie's Path, or SameSite=Strict."""
        if why := self.not_carried_because(name):
            return why
        kept = self.stored(name)
        if kept is None:
            return "the browser no longer holds it"
        if kept.same_site == "Strict":
            return (
                "SameSite=Strict keeps a cookie home even when another site links to you, so "
                "your users would arrive signed out"
            )
        return (
            f"the browser holds it with SameSite={kept.same_site}, Path={kept.path}, for "
            f"{kept.domain or 'this host'}, and still left it home"
        )

    def not_carried_because(self, name):
        """Why the browser holds ``name`` but did not send it to this page: its Path; None
        when that is not why."""
        path = self.page.path
        held = [c for c in self.jar.all() if c.name == name and not served.reaches(c.path, path)]
        if not held:
            return None
        kept = held[0].path
        sent = [h for e in self.recorder.last.values() for h in e.set_cookies]
        header = next((h for h in reversed(sent) if h.startswith(f"{name}=")), None)
        if header is not None and served.attribute(header, "Path") is None:
            return (
                f"your app set {name} with no Path, so the browser keeps it for {kept}, the "
                f"folder of the page that set it, and does not send it to {path}"
            )
        return f"your app set {name} with Path={kept}, so the browser does not send it to {path}"

    def plant(self, name, value):
        """Store ``name``=``value`` in the browser for the whole site, as if the app had."""
        self.driver.execute_script(f'document.cookie = "{name}={value}; path=/"')
