"""The one page every route renders, after the route has set its cookies."""

from dataclasses import dataclass

from flask import current_app, make_response, render_template, request


@dataclass(frozen=True)
class Lesson:
    """What a route teaches: its link, its title and a sentence or two for the learner."""

    path: str
    title: str
    teaches: str


def render_page(response=None, countdown_seconds=None, server_warnings=()):
    """Fill ``response`` (a new one by default) with the lab page.

    The body is rendered last so the page can show the response's own ``Set-Cookie``
    headers beside the request's ``Cookie`` header: both halves of the exchange.
    ``server_warnings`` are what the server warned while setting them.
    """
    if response is None:
        response = make_response()
    lessons = current_app.extensions["cookie_lab_lessons"]
    cookie_header = request.headers.get("Cookie", "")
    response.set_data(
        render_template(
            "page.html",
            lesson=lessons[request.endpoint],
            lessons=lessons.values(),
            received=request.cookies,
            cookie_header=cookie_header,
            cookie_header_bytes=len(cookie_header.encode()),
            set_cookie_headers=response.headers.getlist("Set-Cookie"),
            server_warnings=server_warnings,
            countdown_seconds=countdown_seconds,
        )
    )
    return response
