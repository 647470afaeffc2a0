"""The lab page as a page object: what it shows, read in one round trip and kept until the
browser does anything that may change it."""

from scenarios.core.errors import CheckFailed

# Everything a check may want, in one script: the page's path, the cookies its request
# carried, both halves of the exchange, what the server warned and what page scripts saw.
# None where a page lacks them: "carried nothing" must never be read off a page that cannot
# say what was carried (an error page, a 404).
READ_PAGE = """
const text = (id) => { const el = document.getElementById(id); return el && el.textContent; };
const all = (selector) => Array.from(document.querySelectorAll(selector), (el) => el.textContent);
const rows = document.querySelectorAll("#received-cookies tr[data-cookie-name]");
return {
  loaded: document.readyState === "complete",
  path: location.pathname,
  title: document.title,
  carried: document.getElementById("received-cookies") && Array.from(
    rows, (row) => [row.dataset.cookieName, row.querySelector(".cookie-value")?.textContent],
  ),
  cookie_header: text("cookie-header"),
  cookie_header_bytes: text("cookie-header-bytes"),
  set_cookie_headers: document.getElementById("set-cookie-headers") &&
    all("#set-cookie-headers code"),
  server_warnings: all("#server-warnings li"),
  document_cookie: text("document-cookie"),
};
"""


class LabPage:
    """The lab page the browser shows. ``point(*selectors)`` is told what each reading looks
    at, so the overlay can box it for a watching class."""

    def __init__(self, browser, point=lambda *selectors: None):
        self._browser = browser
        self._point = point
        # (the browser's page_changes when read, what the page showed)
        self._reading = None

    def shown(self):
        """What the page shows, read once: a page does not change under the checks that read
        it, and each round trip costs milliseconds."""
        changes = self._browser.page_changes
        if self._reading is None or self._reading[0] != changes:
            self._reading = (changes, self._browser.read(READ_PAGE))
        return self._reading[1]

    @property
    def path(self):
        return self.shown()["path"]

    def _lab_page(self):
        """What the page shows; a check fails if it is not a lab page."""
        page = self.shown()
        if page["carried"] is None:
            raise CheckFailed(
                f"expected the lab page at {page['path']}, but the browser shows "
                f"{page['title'] or 'a page without a title'!r}"
            )
        return page

    def carried(self):
        """The cookies the request for this page carried, as the server saw them."""
        return dict(self._lab_page()["carried"])

    def cookie_header(self):
        """The request's Cookie header, as the page shows it."""
        self._point("#cookie-header")
        return self._lab_page()["cookie_header"]

    def cookie_header_bytes(self):
        """The size of the request's Cookie header, as the page states it: "(34 bytes)"."""
        self._point("#cookie-header-bytes")
        return int(self._lab_page()["cookie_header_bytes"].strip("()").split()[0])

    def document_cookie(self):
        """What page scripts saw in ``document.cookie``: {name: value}."""
        self._point("#document-cookie")
        text = self._lab_page()["document_cookie"]
        if text.startswith("("):  # the page's own words for "nothing"
            return {}
        return dict(pair.partition("=")[::2] for pair in text.split("; "))

    def server_warnings(self):
        """What the server warned while answering, as the page shows it."""
        self._point("#server-warnings")
        return self._lab_page()["server_warnings"]

    def set_cookie_headers(self):
        """The response's Set-Cookie headers, as the page shows them."""
        self._point("#set-cookie-headers")
        shown = self.shown()["set_cookie_headers"] or []
        return [text.removeprefix("Set-Cookie: ") for text in shown]

    def set_cookie_header(self, name):
        """The response's Set-Cookie header for ``name``; a check fails if it set none."""
        return header_setting(name, self.set_cookie_headers())


def header_setting(name, headers):
    """The one of the Set-Cookie ``headers`` that sets ``name``; a check fails if none does."""
    header = next((h for h in headers if h.startswith(f"{name}=")), None)
    if header is None:
        raise CheckFailed(f"expected the response to set {name}, but it sent {headers}")
    return header
