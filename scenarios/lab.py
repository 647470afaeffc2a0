"""What a scenario may do with the browser: visit, read, wait, restart, and check."""

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin

from selenium.common.exceptions import WebDriverException


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


# A page under every path the lab's cookies may live at: WebDriver only reaches cookies
# visible at the current page's path, so without DevTools reading or clearing the jar means
# visiting each. "/set-path-cookie/" is inside the path cookie's path and, unlike
# "/set-path-cookie", sets nothing: reading the jar must not fill it.
COOKIE_PATHS = ("/", "/set-path-cookie/")


class Lab:
    def __init__(self, browser, base_url, config, emit=lambda *event: None, cancel=None):
        self.browser = browser
        self.base_url = base_url
        self.config = config
        self.steps = []
        self._emit = emit
        self._cancel = cancel or threading.Event()

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
        self._emit("step_started", step)
        start = time.monotonic()
        try:
            yield step
            step.passed = True
        except CheckFailed as failure:
            step.passed, step.message = False, str(failure)
            raise
        except WebDriverException as exc:
            step.passed = False
            step.message = f"the browser failed: {(exc.msg or type(exc).__name__).splitlines()[0]}"
            raise CheckFailed(step.message) from exc
        finally:
            step.seconds = time.monotonic() - start
            self._emit("step_finished", step)
        if self.config.slow_mo:
            # A pause for the people watching, not a wait for the browser.
            self._cancel.wait(self.config.slow_mo)

    def check(self, condition, message):
        if not condition:
            raise CheckFailed(message)

    # --- the browser ------------------------------------------------------------------

    def url(self, path):
        return urljoin(self.base_url + "/", path.lstrip("/"))

    def visit(self, path):
        """Load ``path``; WebDriver returns once the page (and its response) has loaded."""
        self.driver.get(self.url(path))

    @property
    def path(self):
        return self.driver.execute_script("return location.pathname")

    def carried(self):
        """The cookies the last request carried, as the server saw them: {name: value}."""
        rows = self.driver.find_elements("css selector", "#received-cookies tr[data-cookie-name]")
        return {
            row.get_attribute("data-cookie-name"): row.find_element(
                "css selector", ".cookie-value"
            ).text
            for row in rows
        }

    def store(self):
        """Every cookie in the browser's jar, all paths, as {name, value, path, expires, ...}."""
        if self.browser.is_chromium and not self.config.remote_url:
            cookies = self.driver.execute_cdp_cmd("Storage.getCookies", {})["cookies"]
            return [_from_devtools(c) for c in cookies]
        return self._visiting_each_path(
            lambda: [_from_webdriver(c) for c in self.driver.get_cookies()]
        )

    def stored(self, name):
        return next((c for c in self.store() if c["name"] == name), None)

    def clear_cookies(self):
        """Empty the jar, path-restricted cookies included."""
        if self.browser.is_chromium and not self.config.remote_url:
            self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        else:
            self._visiting_each_path(self.driver.delete_all_cookies)

    def _visiting_each_path(self, action):
        seen = {}
        for path in COOKIE_PATHS:
            self.driver.get(self.url(path))
            for item in action() or ():
                seen[(item["name"], item["path"])] = item
        return list(seen.values())

    def restart(self):
        """Close the browser and open it again on the same profile, as a user would."""
        self.browser.restart()

    # --- time -------------------------------------------------------------------------

    def wait_until(self, condition, timeout, poll=0.5, message="the condition never held"):
        """Poll ``condition`` until it returns a truthy value, at most ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise CheckFailed(message)
            if self._cancel.wait(poll):
                raise Cancelled()

    # --- checks written for learners --------------------------------------------------

    def expect_carried(self, name, value=None):
        carried = self.carried()
        where = f"the request to {self.path}"
        self.check(name in carried, f"expected {where} to carry {name}, but {_describe(carried)}")
        if value is not None:
            self.check(
                carried[name] == value,
                f"expected {where} to carry {name}={value}, but it carried {name}={carried[name]}",
            )

    def expect_not_carried(self, name):
        carried = self.carried()
        self.check(
            name not in carried,
            f"expected the request to {self.path} not to carry {name}, "
            f"but it carried {name}={carried.get(name)}",
        )


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
        "sameSite": cookie.get("sameSite", "Lax"),
    }


def _from_webdriver(cookie):
    return {
        "name": cookie["name"],
        "value": cookie["value"],
        "path": cookie.get("path", "/"),
        "expires": cookie.get("expiry"),
        "httpOnly": cookie.get("httpOnly", False),
        "secure": cookie.get("secure", False),
        "sameSite": cookie.get("sameSite", "Lax"),
    }
