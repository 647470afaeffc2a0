"""What a scenario may do with the browser: visit, read, wait, restart, and check."""

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selenium.common.exceptions import WebDriverException

from scenarios import overlay


class CheckFailed(AssertionError):
    """A check did not hold; the message is written for the learner."""


class Cancelled(Exception):
    """The run was interrupted while this scenario waited."""


@dataclass
class Step:
    narration: str
    passed: bool | None = None
    message: str = ""
    seconds: float = 0.0
    evidence: dict = field(default_factory=dict)


# The lab page as a check reads it, in one round trip: its path, the cookies its request
# carried, both halves of the exchange, what the server warned and what page scripts saw.
# None where a page lacks them: "carried nothing" must never be read off a page that cannot
# say what was carried (an error page, a 404).
_READ_PAGE = """
const text = (id) => { const el = document.getElementById(id); return el && el.textContent; };
const all = (selector) => Array.from(document.querySelectorAll(selector), (el) => el.textContent);
const rows = document.querySelectorAll("#received-cookies tr[data-cookie-name]");
return {
  loaded: document.readyState === "complete",
  path: location.pathname,
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

# A page under every path the lab's cookies may live at: WebDriver only reaches cookies
# visible at the current page's path, so without DevTools reading or clearing the jar means
# visiting each. "/set-path-cookie/" is inside the path cookie's path and, unlike
# "/set-path-cookie", sets nothing: reading the jar must not fill it.
COOKIE_PATHS = ("/", "/set-path-cookie/")

# The loopback's two names: the same server, but another host and another site to a browser.
LOOPBACK_TWINS = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}


class Lab:
    def __init__(self, browser, base_url, config, emit=lambda *event: None, cancel=None):
        self.browser = browser
        self.base_url = base_url
        self.config = config
        self.steps = []
        # Set by the runner; the overlay shows it above each step's narration.
        self.scenario_name = ""
        self._emit = emit
        self._cancel = cancel or threading.Event()
        self._step = None
        # CSS selectors of what the current step looks at, for the overlay's highlight.
        self._looking_at = ()
        # (the browser's page_changes when read, what the page showed): see _page().
        self._reading = None

    @property
    def driver(self):
        return self.browser.driver

    # --- steps and checks -------------------------------------------------------------

    @contextmanager
    def step(self, narration):
        """One narrated step; a failed check ends the scenario with the learner's message."""
        if self._cancel.is_set():
            raise Cancelled()
        step = Step(narration)
        self.steps.append(step)
        self._step, self._looking_at = step, ()
        self._emit("step_started", step)
        self._show_overlay()
        start = time.monotonic()
        try:
            yield step
            step.passed = True
        except CheckFailed as failure:
            step.passed, step.message = False, str(failure)
            raise
        except WebDriverException as exc:
            step.passed = False
            step.message = _browser_failed(exc)
            raise CheckFailed(step.message) from exc
        finally:
            step.seconds = time.monotonic() - start
            # An interrupted step (Ctrl-C, a cancelled wait) has no result to show.
            if step.passed is not None:
                self._show_overlay()
                if self.config.report_dir is not None:
                    step.evidence = self._evidence(step)
            self._emit("step_finished", step)
        if self.config.slow_mo:
            # A pause for the people watching, not a wait for the browser.
            self._cancel.wait(self.config.slow_mo)

    def check(self, condition, message):
        if not condition:
            raise CheckFailed(message)

    def look_at(self, element_id):
        """The page element with this id, boxed by the overlay while the step runs."""
        self._point_at(f"#{element_id}")
        return self.driver.find_element("id", element_id)

    def _point_at(self, *selectors):
        self._looking_at = selectors
        self._show_overlay()

    def _show_overlay(self):
        if not self.config.shows_overlay or self._step is None:
            return
        state = {None: "running", True: "passed", False: "failed"}[self._step.passed]
        try:
            overlay.show(
                self.driver,
                self.scenario_name,
                self._step.narration,
                state,
                self._step.message,
                self._looking_at,
            )
        except WebDriverException:
            # Only a show for the class: a browser that fails here fails the next real
            # action too, which reports it to the learner.
            pass

    def _evidence(self, step):
        """What the report shows for ``step``, taken now, in the browser the step ran in."""
        try:
            page = self._page()
            evidence = {
                "url": self.driver.current_url,
                "screenshot": self.driver.get_screenshot_as_png(),
                "cookie_header": page["cookie_header"],
                "set_cookie_headers": page["set_cookie_headers"],
                "store": self.store_here(),
                "store_scope": "every path" if self._has_devtools else "this page's path only",
            }
            if step.passed is False:
                evidence["page_source"] = self.driver.page_source
            return evidence
        except WebDriverException as exc:
            return {"error": f"no evidence: {_browser_failed(exc)}"}

    # --- the browser ------------------------------------------------------------------

    def url(self, path):
        return urljoin(self.base_url + "/", path.lstrip("/"))

    def twin_url(self, path):
        """``path`` on the lab app under the loopback's other name (127.0.0.1 <-> localhost)."""
        parts = urlsplit(self.base_url)
        twin = LOOPBACK_TWINS.get(parts.hostname)
        self.check(
            twin is not None,
            f"expected the lab app on 127.0.0.1 or localhost, but it runs at {self.base_url}",
        )
        port = f":{parts.port}" if parts.port else ""
        return urljoin(f"{parts.scheme}://{twin}{port}/", path.lstrip("/"))

    def visit(self, path):
        """Load ``path`` (or a full URL); WebDriver returns once the page has loaded."""
        self.driver.get(self.url(path))
        self._show_overlay()

    def _page(self):
        """What the current page shows, read once: a page does not change under the checks
        that read it, and each WebDriver round trip costs milliseconds. Any command that may
        change the page since the reading (a visit, a click, a script) makes it read again."""
        if self._reading is None or self._reading[0] != self.browser.page_changes:
            shown = self._read_loaded_page()
            self._reading = (self.browser.page_changes, shown)
        return self._reading[1]

    def _read_loaded_page(self):
        # DevTools takes a third of WebDriver's time, for it skips WebDriver's wait for a
        # pending navigation; so it reads only just after a visit, which waited for the page
        # to load. After a click or a script, a new page may be about to replace this one.
        if self._has_devtools and self.browser.last_change == "get":
            done = self.driver.execute_cdp_cmd(
                "Runtime.evaluate",
                {"expression": f"(() => {{{_READ_PAGE}}})()", "returnByValue": True},
            )
            shown = done["result"].get("value")
            if "exceptionDetails" not in done and shown["loaded"]:
                return shown
        return self.driver.execute_script(_READ_PAGE)

    @property
    def path(self):
        return self._page()["path"]

    def carried(self):
        """The cookies the last request carried, as the server saw them: {name: value}."""
        return self._carried_at()[1]

    def _lab_page(self):
        """What the current page shows; a check fails if it is not a lab page."""
        page = self._page()
        if page["carried"] is None:
            raise CheckFailed(
                f"expected the lab page at {page['path']}, but the browser shows "
                f"{self.driver.title or 'a page without a title'!r}"
            )
        return page

    def _carried_at(self):
        """(the page's path, what its request carried)."""
        page = self._lab_page()
        return page["path"], dict(page["carried"])

    def cookie_header_bytes(self):
        """The size of the last request's Cookie header, as the page states it."""
        self._point_at("#cookie-header-bytes")
        stated = self._lab_page()["cookie_header_bytes"]  # "(34 bytes)"
        return int(stated.strip("()").split()[0])

    def document_cookie(self):
        """What page scripts saw in ``document.cookie``, as the page shows it: {name: value}."""
        self._point_at("#document-cookie")
        text = self._lab_page()["document_cookie"]
        if text.startswith("("):  # the page's own words for "nothing"
            return {}
        return dict(pair.partition("=")[::2] for pair in text.split("; "))

    def cookie_header(self):
        """The last request's Cookie header, as the page shows it."""
        self._point_at("#cookie-header")
        return self._lab_page()["cookie_header"]

    def server_warnings(self):
        """What the server warned while answering the last request, as the page shows it."""
        self._point_at("#server-warnings")
        return self._lab_page()["server_warnings"]

    def set_cookie_headers(self):
        """The last response's Set-Cookie headers, as the page shows them."""
        self._point_at("#set-cookie-headers")
        shown = self._page()["set_cookie_headers"] or []
        return [text.removeprefix("Set-Cookie: ") for text in shown]

    def set_cookie_header(self, name):
        """The last response's Set-Cookie header for ``name``; a check fails if it set none."""
        headers = self.set_cookie_headers()
        header = next((h for h in headers if h.startswith(f"{name}=")), None)
        self.check(
            header is not None, f"expected the response to set {name}, but it sent {headers}"
        )
        return header

    @property
    def browser_name(self):
        """The browser's name as the narration says it: browsers differ on some lessons."""
        return self.config.browser.capitalize()

    def store(self):
        """Every cookie in the browser's jar, all paths, as {name, value, path, expires, ...}."""
        if self._has_devtools:
            cookies = self.driver.execute_cdp_cmd("Storage.getCookies", {})["cookies"]
            return [_from_devtools(c) for c in cookies]
        return self._visiting_each_path(self._cookies_here)

    def store_here(self):
        """The jar without leaving the page (WebDriver alone sees only this page's path):
        the next check may read this page, and a visit would be a request of its own."""
        return self.store() if self._has_devtools else self._cookies_here()

    def _cookies_here(self):
        return [_from_webdriver(c) for c in self.driver.get_cookies()]

    @property
    def _has_devtools(self):
        return self.browser.is_chromium and not self.config.remote_url

    def stored(self, name):
        return next((c for c in self.store() if c["name"] == name), None)

    def days_to_expiry(self, name):
        """How many days the browser will keep ``name``; a check fails if it is not stored."""
        stored = self.stored(name)
        self.check(stored is not None, f"expected the browser to store {name}, but it does not")
        self.check(
            stored["expires"] is not None,
            f"expected {name} to have an expiry, but the browser keeps it for the session only",
        )
        return (stored["expires"] - time.time()) / 86400

    def expect_expires_in(self, name, days):
        """``name`` is stored to expire ``days`` from now, give or take a day."""
        left = self.days_to_expiry(name)
        self.check(
            abs(left - days) < 1,
            f"expected the browser to keep {name} for {days} days, but it expires in "
            f"{left:.1f} days",
        )

    def clear_cookies(self):
        """Empty the jar, path-restricted cookies included, and the page's local storage,
        where the countdown keeps the expiring cookie's deadline: a scenario that sets no
        expiring cookie must not show one counting down, or expired."""
        if self._has_devtools:
            self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
            for origin in self._origins():
                self.driver.execute_cdp_cmd(
                    "Storage.clearDataForOrigin",
                    {"origin": origin, "storageTypes": "local_storage"},
                )
        else:
            self._visiting_each_path(self._forget_here)

    def _forget_here(self):
        self.driver.delete_all_cookies()
        self.driver.execute_script("localStorage.clear()")

    def _origins(self):
        """The lab's origin and its loopback twin's; none before the lab has an address."""
        if self.base_url is None:
            return []
        origins = [self.url("/").rstrip("/")]
        if urlsplit(self.base_url).hostname in LOOPBACK_TWINS:
            origins.append(self.twin_url("/").rstrip("/"))
        return origins

    def _visiting_each_path(self, action):
        """``action`` on a page under each cookie path, on the lab's host and on its loopback
        twin, where the samesite and secure-loopback scenarios set cookies too."""
        urls = [self.url]
        if urlsplit(self.base_url).hostname in LOOPBACK_TWINS:
            urls.append(self.twin_url)
        seen = {}
        for url in urls:
            for path in COOKIE_PATHS:
                self.driver.get(url(path))
                for item in action() or ():
                    seen[(url, item["name"], item["path"])] = item
        return list(seen.values())

    def restart(self):
        """Close the browser and open it again on the same profile, as a user would."""
        self.browser.restart()

    # --- time -------------------------------------------------------------------------

    def wait_until(self, condition, timeout, poll=0.5, message="the condition never held"):
        """Poll ``condition`` until it returns a truthy value, at most ``timeout`` seconds.

        ``message`` may be a function: it then describes the failure when there is one."""
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise CheckFailed(message() if callable(message) else message)
            if self._cancel.wait(poll):
                raise Cancelled()

    # --- checks written for learners --------------------------------------------------

    def expect_carried(self, name, value=None):
        self._point_at(_row(name), "#received-cookies")
        path, carried = self._carried_at()
        where = f"the request to {path}"
        self.check(name in carried, f"expected {where} to carry {name}, but {_describe(carried)}")
        if value is not None:
            self.check(
                carried[name] == value,
                f"expected {where} to carry {name}={value}, but it carried {name}={carried[name]}",
            )

    def expect_not_carried(self, name):
        # A row the step already points at says more than the table it is missing from.
        if not self._looking_at:
            self._point_at("#received-cookies")
        path, carried = self._carried_at()
        self.check(
            name not in carried,
            f"expected the request to {path} not to carry {name}, "
            f"but it carried {name}={carried.get(name)}",
        )


def _row(name):
    return f'#received-cookies tr[data-cookie-name="{name}"]'


def _browser_failed(exc):
    return f"the browser failed: {(exc.msg or type(exc).__name__).splitlines()[0]}"


def _describe(carried):
    if not carried:
        return "the request carried no cookies"
    return "it carried only " + ", ".join(sorted(carried))


def _from_devtools(cookie):
    expires = None if cookie.get("session") else cookie["expires"]
    return {
        "name": cookie["name"],
        "value": cookie["value"],
        "path": cookie["path"],
        "expires": expires,
        "httpOnly": cookie["httpOnly"],
        "secure": cookie["secure"],
        "sameSite": cookie.get("sameSite"),  # None: the cookie was set without one
    }


def _from_webdriver(cookie):
    return {
        "name": cookie["name"],
        "value": cookie["value"],
        "path": cookie.get("path", "/"),
        "expires": cookie.get("expiry"),
        "httpOnly": cookie.get("httpOnly", False),
        "secure": cookie.get("secure", False),
        "sameSite": cookie.get("sameSite"),  # as the driver reports it
    }
