"""The one page every route renders, after the route has set its cookies."""

from dataclasses import dataclass

from flask import current_app, make_response, render_template, request
from werkzeug.datastructures import MultiDict
from werkzeug.sansio.http import parse_cookie


@dataclass(frozen=True)
class Lesson:
    """What a route teaches: its link, its title and a sentence or two for the learner."""

    path: str
    title: str
    teaches: str


def arrived(data):
    """The bytes the browser sent, as a person reads them: UTF-8 where they decode, each
    other byte escaped (\\xff)."""
    return data.decode("utf-8", "backslashreplace")


def _as_sent(header):
    """A header's bytes. A WSGI server hands each byte over as one latin-1 letter; a test
    client's made-up request may hold text that no latin-1 letter spells."""
    try:
        return header.encode("latin-1")
    except UnicodeEncodeError:
        return header.encode()


def site_of(host):
    """Which site ``host`` (a Host header) is, in the class's words: the lab's two sites are
    names under .localhost, told apart by this header alone (one server answers both)."""
    name = host.rpartition(":")[0] if host.count(":") == 1 else host
    if name == "lab.localhost" or name.endswith(".lab.localhost"):
        return name, "the lab site"
    if name.endswith(".localhost"):
        return name, "another site"
    return name, "the lab"


def render_page(
    response=None, countdown_seconds=None, server_warnings=(), template="page.html", **more
):
    """Fill ``response`` (a new one by default) with the lab page.

    The body is rendered last so the page can show the response's own ``Set-Cookie``
    headers beside the request's ``Cookie`` header: both halves of the exchange.
    ``server_warnings`` are what the server warned while setting them; ``template`` a page
    that extends the lab page with ``more``.
    """
    if response is None:
        response = make_response()
    lessons = current_app.extensions["cookie_lab_lessons"]
    cookie_bytes = _as_sent(request.headers.get("Cookie", ""))
    response.set_data(
        render_template(
            template,
            lesson=lessons[request.endpoint],
            lessons=lessons.values(),
            # Parsed again from the header as read: request.cookies would show its bytes as
            # latin-1 letters ("Ã¼" for "ü").
            received=parse_cookie(arrived(cookie_bytes), MultiDict).items(multi=True),
            cookie_header=arrived(cookie_bytes),
            cookie_header_bytes=len(cookie_bytes),
            set_cookie_headers=response.headers.getlist("Set-Cookie"),
            server_warnings=server_warnings,
            countdown_seconds=countdown_seconds,
            site=site_of(request.host),
            # Where the browser says the request came from: none (typed), same-origin,
            # same-site or cross-site; absent from an older browser or a test client.
            fetch_site=request.headers.get("Sec-Fetch-Site", "(not sent)"),
            **more,
        )
    )
    return response
