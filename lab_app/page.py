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


def render_page(response=None, countdown_seconds=None, server_warnings=()):
    """Fill ``response`` (a new one by default) with the lab page.

    The body is rendered last so the page can show the response's own ``Set-Cookie``
    headers beside the request's ``Cookie`` header: both halves of the exchange.
    ``server_warnings`` are what the server warned while setting them.
    """
    if response is None:
        response = make_response()
    lessons = current_app.extensions["cookie_lab_lessons"]
    cookie_bytes = _as_sent(request.headers.get("Cookie", ""))
    response.set_data(
        render_template(
            "page.html",
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
        )
    )
    return response
