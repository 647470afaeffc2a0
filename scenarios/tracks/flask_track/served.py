"""What the learner's app itself sent, read as a browser would: a page's first heading, a
Set-Cookie header's attributes, and whether a cookie's Path reaches a path.

The checks hold the lesson to the response: a page script can write a heading, or a cookie,
that the browser shows just the same, and the exercise is the server's part."""

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser


class _FirstHeading(HTMLParser):
    """The text of a page's first <h1>, as the browser shows it; None when it has none."""

    def __init__(self):
        super().__init__()
        self.parts, self._inside, self._done = None, False, False

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and not self._done:
            self.parts, self._inside = [], True

    def handle_endtag(self, tag):
        if tag == "h1" and self._inside:
            self._inside, self._done = False, True

    def handle_data(self, data):
        if self._inside:
            self.parts.append(data)


def first_heading(page):
    parser = _FirstHeading()
    parser.feed(page)
    parser.close()
    return None if parser.parts is None else " ".join("".join(parser.parts).split())


def attribute(header, name):
    """The value of attribute ``name`` in a Set-Cookie header ("" for a flag such as
    HttpOnly); None when it has none."""
    for part in header.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == name.lower():
            return value
    return None


def value(header):
    return header.split(";", 1)[0].partition("=")[2]


def lasting(header):
    """Whether the header gives its cookie a lifetime: without one, it is a session cookie."""
    return attribute(header, "Max-Age") is not None or attribute(header, "Expires") is not None


def reaches(cookie_path, path):
    """Whether a cookie stored for ``cookie_path`` is sent to ``path`` (RFC 6265, 5.1.4)."""
    if path == cookie_path:
        return True
    return path.startswith(cookie_path) and (
        cookie_path.endswith("/") or path[len(cookie_path)] == "/"
    )


def expired(header):
    """Whether the header deletes its cookie: a Max-Age of 0 or less, or an Expires past."""
    age = attribute(header, "Max-Age")
    if age is not None:
        return age.strip().lstrip("-").isdigit() and int(age) <= 0
    expires = attribute(header, "Expires")
    try:
        return expires is not None and parsedate_to_datetime(expires) < datetime.now(UTC)
    except (TypeError, ValueError):
        return False
