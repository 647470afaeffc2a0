"""Another site, for the Flask track's cross-site checks: a page under any *.localhost name
(other.localhost, sub.lab.localhost) with one link, or one form, to the learner's app.

The learner's app answers as lab.localhost at its own port; this page is served by the
checker's process at a port of its own, so the browser sees two sites. It is the checker's:
the learner's code, boxed in its own process, can neither serve nor change it.
"""

import threading
from html import escape
from urllib.parse import parse_qs, urlencode, urlsplit

from scenarios.lab.server import LabServer

# The element the check clicks: the link, or the form's button.
GO = "to-the-lab"

_server = None
_lock = threading.Lock()


def page_url(site, to, fields=None):
    """The page on ``site`` that goes to ``to``: by a link, or with ``fields`` (a dict) by a
    form that posts them."""
    query = [("to", to)]
    if fields is not None:
        query += [("post", "yes"), *(("field", f"{k}={v}") for k, v in fields.items())]
    port = _started().url.rpartition(":")[2]
    return f"http://{site}:{port}/?{urlencode(query)}"


def _started():
    # One for the checker's process, started by its first cross-site check: a page costs no
    # state, and its thread (a daemon) serves loopback only.
    global _server
    with _lock:
        if _server is None:
            _server = LabServer(_page).__enter__()
        return _server


def _page(environ, start_response):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    to = query.get("to", [""])[0]
    if not (urlsplit(to).hostname or "").endswith(".localhost"):
        # Only the lab's sites: the page is no way out to anywhere else.
        start_response("400 BAD REQUEST", [("Content-Type", "text/plain")])
        return [b"to: a page on a .localhost site"]
    host = escape(environ.get("HTTP_HOST", ""))
    if query.get("post"):
        inputs = "".join(
            f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">'
            for k, _, v in (f.partition("=") for f in query.get("field", []))
        )
        go = (
            f'<form method="post" action="{escape(to)}">{inputs}'
            f'<button id="{GO}" type="submit">Send this form to the lab</button></form>'
        )
    else:
        go = f'<p><a id="{GO}" href="{escape(to)}">A link to the lab</a></p>'
    body = f"<!doctype html><title>Another site</title><h1>Another site: {host}</h1>{go}"
    start_response(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
    )
    return [body.encode()]
