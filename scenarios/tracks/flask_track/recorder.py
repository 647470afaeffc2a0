"""What each request to the learner's app carried, and how the app answered it.

It runs in the app's own process (sandbox.py); the checker asks it under PRIVATE.
"""

import json
import sys
from dataclasses import asdict, dataclass, field

from flask import got_request_exception, request
from werkzeug.exceptions import BadRequestKeyError
from werkzeug.http import parse_cookie

from scenarios.core.config import is_loopback

# Under this prefix the checker asks what each request carried: no learner's route is there.
PRIVATE = "/__cookie_lab__/"
# Enough of a page for its heading: the checks read what the app sent, not what a script wrote.
PAGE_BYTES = 64 * 1024


@dataclass
class Exchange:
    """One request as the server saw it: the cookies it carried and how the app answered."""

    cookies: dict
    status: int | None = None
    error: str | None = None  # what the learner's code raised, in a sentence
    set_cookies: list = field(default_factory=list)
    page: str = ""  # the start of the body the app sent, as text
    method: str = "GET"
    # Where the browser says the request came from: same-origin, same-site, cross-site, none.
    fetch_site: str = ""


class Recorder:
    """WSGI middleware that keeps the last exchange for each path, and tells the checker.

    The learner's pages are theirs, so the checks cannot read a cookie table off them: what a
    request carried is read here, from the Cookie header the browser really sent, and what
    the app answered from its status and its Set-Cookie headers.
    """

    def __init__(self, app, describe):
        self.app = app
        self.describe = describe  # an exception -> the sentence the learner reads
        self.last = {}
        got_request_exception.connect(self._raised, app)
        # request.cookies["name"] with no such cookie: Flask answers 400 and signals nothing,
        # so the learner would read only "it answered 400"; the error names the key and line.
        handle = app.handle_user_exception

        def handled(exc):
            if isinstance(exc, BadRequestKeyError):
                request.environ["cookie_lab.exchange"].error = self.describe(exc)
            return handle(exc)

        app.handle_user_exception = handled
        # The check's message names the error and its line; Flask's own traceback on stderr
        # would only break up the narration. The logger is this app's alone.
        app.logger.disabled = True

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        if path.startswith(PRIVATE) and _from_this_machine(environ):
            return self._tell(path.removeprefix(PRIVATE), environ, start_response)
        if path.startswith(PRIVATE):
            # Served for a Grid's node, the app listens beyond loopback: the checker asks
            # through loopback, and no one else may read the app's settings (its SECRET_KEY).
            start_response("403 FORBIDDEN", [("Content-Type", "text/plain")])
            return [b"Only the checker, on this machine, may ask this."]
        exchange = Exchange(
            dict(parse_cookie(environ.get("HTTP_COOKIE", ""))),
            method=environ.get("REQUEST_METHOD", "GET"),
            fetch_site=environ.get("HTTP_SEC_FETCH_SITE", ""),
        )
        self.last[path] = exchange
        environ["cookie_lab.exchange"] = exchange

        def recording(status, headers, exc_info=None):
            exchange.status = int(status.split()[0])
            exchange.set_cookies = [v for k, v in headers if k.lower() == "set-cookie"]
            return start_response(status, headers, exc_info)

        try:
            # Drained here: a SystemExit raised while the body is written is caught too.
            body = self.app(environ, recording)
            try:
                chunks = list(body)
                sent = b"".join(c for c in chunks if isinstance(c, bytes))[:PAGE_BYTES]
                exchange.page = sent.decode("utf-8", "replace")
                return chunks
            finally:
                getattr(body, "close", lambda: None)()
        except BaseException as exc:  # noqa: BLE001 - sys.exit() in a view, say: the app's
            exchange.status, exchange.error = 500, self.describe(exc)
            # With exc_info, it may replace headers the app set but the server has not sent.
            text = [("Content-Type", "text/plain")]
            start_response("500 INTERNAL SERVER ERROR", text, sys.exc_info())
            return [b"The app raised an error; the checker explains it."]

    def _raised(self, sender, exception, **extra):
        error = self.describe(exception)
        request.environ["cookie_lab.exchange"].error = error

    def _tell(self, what, environ, start_response):
        if what == "exchanges":
            # A copy first (one step under the GIL): the browser's requests may add paths.
            answer = {path: asdict(exchange) for path, exchange in list(self.last.items())}
        else:  # config/NAME: a setting of the learner's app, e.g. SALE_SECONDS
            answer = self.app.config.get(what.removeprefix("config/"))
        body = json.dumps(answer, default=repr).encode()
        start_response("200 OK", [("Content-Type", "application/json")])
        return [body]


def _from_this_machine(environ):
    peer = environ.get("REMOTE_ADDR") or ""
    return is_loopback(peer.removeprefix("::ffff:"))  # an IPv4 peer of a dual-stack server
