"""What a scenario does with the browser: narrated steps, visits, checks and waits.

``Lab`` is a facade over the parts handed to it: the browser, the lab page (``lab.page``),
the cookie jar (``lab.jar``) and the observers that show and record each step.
"""

import time
from contextlib import contextmanager
from threading import Event
from urllib.parse import urljoin, urlsplit

from selenium.common.exceptions import TimeoutException, WebDriverException
from urllib3.exceptions import HTTPError

from lab_app.tutorial import COOKIE_PATHS
from scenarios.browser.jar import lab_origins
from scenarios.core.config import is_loopback
from scenarios.core.errors import Cancelled, CheckFailed
from scenarios.core.observers import notify
from scenarios.core.records import Step
from scenarios.lab.expectations import JarExpectations
from scenarios.lab.pacing import Pacer
from scenarios.lab.page import LabPage
from scenarios.lab.pointer import Pointer


def is_browser_failure(exc):
    """Whether ``exc`` came from the browser or its driver rather than from a scenario."""
    # urllib3's errors, from a driver that died or stopped answering, are not WebDriver's.
    return isinstance(exc, WebDriverException | HTTPError | OSError)


def failure_reason(exc):
    """``exc`` in one line: what the learner reads instead of a traceback."""
    if isinstance(exc, WebDriverException):
        said = "the browser failed: " + (exc.msg or type(exc).__name__)
    elif is_browser_failure(exc):
        said = f"the browser stopped answering: {type(exc).__name__}"
    elif isinstance(exc, Cancelled):  # Ctrl-C, SIGTERM, the instructor's q
        said = "stopped before the step could finish"
    else:
        said = f"the scenario stopped on {type(exc).__name__}" + (f": {exc}" if str(exc) else "")
    return (said.strip().splitlines() or [""])[0]


class Lab(JarExpectations):
    def __init__(self, browser, base_url, config, observers=(), cancel=None, page=None, jar=None):
        self.browser, self.base_url, self.config = browser, base_url, config
        self._pointer = Pointer(observers)
        self.page = page or LabPage(browser, self._pointer.point)
        self.jar = jar or browser.jar_for(base_url, COOKIE_PATHS)
        self.steps = []
        # Set when the browser itself failed (died, stopped answering): the next scenario
        # needs a new one.
        self.browser_failed = False
        self._observers = observers
        self._cancel = cancel or Event()
        self._pacer = Pacer(
            config, browser, self._cancel, idle=lambda *args: notify(self._observers, "idle", *args)
        )

    @property
    def driver(self):
        return self.browser.driver

    @property
    def cancelled(self):
        """Whether the run is being stopped (Ctrl-C, SIGTERM): a failure now is the stop's."""
        return self._cancel.is_set()

    @property
    def browser_name(self):
        """The browser's name as the narration says it: browsers differ on some lessons."""
        return self.config.browser.capitalize()

    # --- steps, checks and waits ------------------------------------------------------

    @contextmanager
    def step(self, narration, about=(), shows=""):
        """One narrated step; a failed check ends the scenario with the learner's message.

        ``about``: the cookie (or cookies) the step is about; ``shows``: the page element that
        shows its point (a CSS selector). Declared once here, they decide what the watching
        class sees boxed on the page and highlighted in the jar, whatever the checks read
        on the way: a check of another cookie does not move the box off the step's own."""
        if self._cancel.is_set():
            raise Cancelled()
        about = (about,) if isinstance(about, str) else tuple(about)
        step = Step(narration, about=about, shows=shows)
        self.steps.append(step)
        notify(self._observers, "step_started", step)
        self._pointer.start(step)
        start = time.monotonic()
        try:
            yield step
            step.passed = True
        except CheckFailed as failure:
            step.passed, step.message = False, str(failure)
            raise
        except Exception as exc:  # a dead browser, a bug in a scenario
            step.passed, step.message = False, failure_reason(exc)
            self.browser_failed = self.browser_failed or is_browser_failure(exc)
            raise CheckFailed(step.message) from exc
        finally:
            step.seconds = time.monotonic() - start
            notify(self._observers, "step_finished", step)
            if step.passed is not None:  # an interrupted step has nothing left to show
                # Slow-mo's pause or the instructor's word; a failure stays up a while.
                self._pacer.after(step)

    def failed_between_steps(self, narration, exc):
        """Record ``exc``, raised outside any step (a browser that died before the first), as
        a failed step of its own, told to the observers like any other."""
        self.browser_failed = self.browser_failed or is_browser_failure(exc)
        step = Step(narration, passed=False, message=failure_reason(exc))
        self.steps.append(step)
        notify(self._observers, "step_started", step)
        notify(self._observers, "step_finished", step)

    def check(self, condition, message):
        if not condition:
            raise CheckFailed(message)

    def wait_until(
        self, condition, timeout, poll=0.5, message="the condition never held", counting=None
    ):
        """Poll ``condition`` until it returns a truthy value, at most ``timeout`` seconds.

        ``message`` may be a function: it then describes the failure when there is one.
        ``counting``: (what, moment) the watchers see counted down instead of the bound, as
        ("expiring_cookie_name", the time.monotonic() it expires at)."""
        deadline = time.monotonic() + timeout
        if counting:
            self._pointer.step.waiting_for = counting[0]
        while True:
            value = condition()
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                raise CheckFailed(message() if callable(message) else message)
            shown = max(0.0, counting[1] - time.monotonic()) if counting else left
            notify(self._observers, "waiting", self._pointer.step, shown)
            if self._cancel.wait(poll):
                raise Cancelled()

    def note(self, text):
        """Say what the step found, beside its narration: both figures of a comparison."""
        self._pointer.note(text)

    def look_at(self, element_id):
        """The page element with this id, boxed by the overlay while the step runs."""
        self._pointer.point(f"#{element_id}")
        return self.driver.find_element("id", element_id)

    # --- the browser ------------------------------------------------------------------

    def url(self, path):
        return urljoin(self.base_url + "/", path.lstrip("/"))

    def twin_url(self, path):
        """``path`` on the lab app under the loopback's other name (127.0.0.1 <-> localhost)."""
        origins = lab_origins(self.base_url)
        self.check(
            len(origins) == 2,
            f"expected the lab app on 127.0.0.1 or localhost, but it runs at {self.base_url}",
        )
        return urljoin(origins[1] + "/", path.lstrip("/"))

    def site_url(self, site, path):
        """``path`` on the lab app as ``site`` (lab.localhost, other.localhost, ...): the same
        server on loopback, under a name Chromium resolves to loopback itself, and its own
        site to the browser. The app tells the sites apart by the Host header."""
        parts = urlsplit(self.base_url)
        self.check(
            is_loopback(parts.hostname or ""),
            f"expected the lab app on loopback, but it runs at {self.base_url}",
        )
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{site}{port}/{path.lstrip('/')}"

    def visit(self, path):
        """Load ``path`` (or a full URL); WebDriver returns once the page has loaded."""
        try:
            self.driver.get(self.url(path))
        except TimeoutException:
            raise CheckFailed(self.no_answer(path)) from None
        self._pointer.after_visit()

    def no_answer(self, path):
        """What to say when ``path`` never finished loading."""
        return (
            f"expected the lab app to answer {path}, but it did not within "
            f"{self.config.page_load_seconds:g} s: a server that never answers?"
        )

    def restart(self):
        """Close the browser and open it again on the same profile, as a user would."""
        self.browser.restart()

    # --- checks written for learners --------------------------------------------------

    def expect_carried(self, name, value=None):
        row = f'#received-cookies tr[data-cookie-name="{name}"]'
        self._pointer.point(row, "#received-cookies", cookie=name)
        carried, where = self.page.carried(), f"the request to {self.page.path}"
        if not carried:
            said = "the request carried no cookies"
        else:
            said = "it carried only " + ", ".join(sorted(carried))
        self.check(name in carried, f"expected {where} to carry {name}, but {said}")
        if value is not None:
            self.check(
                carried[name] == value,
                f"expected {where} to carry {name}={value}, but it carried {name}={carried[name]}",
            )

    def expect_not_carried(self, name):
        self._pointer.missing(name)
        carried = self.page.carried()
        self.check(
            name not in carried,
            f"expected the request to {self.page.path} not to carry {name}, "
            f"but it carried {name}={carried.get(name)}",
        )
