"""The attacker's own visit to the learner's app: a second browser of sorts, with a cookie jar
of its own, that logs in and reads a form's fields as the attacker would before forging it.

A real attacker does not guess the fields of a forged form: they open the page with their
own session and copy every field, token included. Over plain HTTP from the checker's
process, through loopback, so the learner's browser (the victim's) keeps its jar untouched.
"""

import http.client
from html.parser import HTMLParser
from urllib.parse import urlsplit

from scenarios.core.errors import CheckFailed
from scenarios.tracks.flask_track import served

# Inputs a form submission never sends, or sends only when ticked.
_NOT_SENT = {"submit", "button", "image", "reset", "file"}
_TICKED = {"checkbox", "radio"}
# Enough of a page for its form: a page of gigabytes is not read whole.
PAGE_BYTES = 1024 * 1024


class _FormFields(HTMLParser):
    """The name=value pairs the first <form> on a page would send as it stands."""

    def __init__(self):
        super().__init__()
        self.fields, self.forms = {}, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms += 1
        if tag != "input" or self.forms != 1 or not attrs.get("name"):
            return
        kind = (attrs.get("type") or "text").lower()
        if kind in _NOT_SENT or (kind in _TICKED and "checked" not in attrs):
            return
        self.fields[attrs["name"]] = attrs.get("value") or ""


class AttackerVisit:
    """GETs to the app at ``base_url`` as ``host``, keeping the cookies it is given."""

    def __init__(self, base_url, host, seconds):
        parts = urlsplit(base_url)
        self._address, self._port = parts.hostname, parts.port
        self._host, self._seconds = f"{host}:{parts.port}", seconds
        self._cookies = {}  # name -> (value, path)

    def get(self, path):
        """The status and body of ``path``; the cookies its answer sets are kept."""
        connection = http.client.HTTPConnection(self._address, self._port, timeout=self._seconds)
        sent = "; ".join(
            f"{name}={value}"
            for name, (value, kept) in self._cookies.items()
            if served.reaches(kept, path)
        )
        try:
            connection.request("GET", path, headers={"Host": self._host, "Cookie": sent})
            response = connection.getresponse()
            body = response.read(PAGE_BYTES).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            raise CheckFailed(
                f"expected your app to answer {path} for a second browser (the attacker's), but "
                f"it did not within {self._seconds:g} s"
            ) from None
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or ():
            name, _, value = header.split(";", 1)[0].strip().partition("=")
            if served.expired(header):
                self._cookies.pop(name, None)
            else:
                # Without a Path, the folder of the page that set it, as a browser keeps it.
                folder = path.rpartition("/")[0] or "/"
                self._cookies[name] = (value, served.attribute(header, "Path") or folder)
        return response.status, body

    @staticmethod
    def form_fields(page):
        """Every field the first form on ``page`` sends, hidden ones included."""
        parser = _FormFields()
        parser.feed(page)
        parser.close()
        return parser.fields
