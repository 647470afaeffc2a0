"""``--headed``: a learner's tests, shown in the page as ``cookie-lab check --headed`` shows a
check's steps. A test has no steps of its own, so the overlay shows what it has: the test's
name and "test 2 of 5" where a scenario's title and "step 3 of 8" would be, the pages it has
loaded ("page 2: /set-cookie") where a step's narration would be, its result at the end, and
beside them the browser's cookie jar, read again after each command that may change it."""

import threading
import weakref
from urllib.parse import urlsplit

from lab_app.tutorial import COOKIE_PATHS
from scenarios.core.records import Step
from scenarios.show.overlay import Overlay, follow_commands
from scenarios.tracks.automation.fresh import BLANK, PAGE_LOADS

# The watched test running in each browser.
_CURRENT = weakref.WeakKeyDictionary()


def follow(browser):
    """Count each page ``browser`` loads for its watched test. Before any other listener that
    pauses (slow motion): the class sees the page's count and jar during the pause."""
    ref = weakref.ref(browser)

    def after(command, params):
        watched = _CURRENT.get(ref())
        if watched is not None and command in PAGE_LOADS and (params or {}).get("url") != BLANK:
            watched.page_loaded()

    browser.add_command_listener(after=after)
    follow_commands(browser)


class _TestOverlay(Overlay):
    """The overlay, counting tests where it counts a scenario's steps."""

    number = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Neither Space nor Esc means anything to pytest: the dock offers no keys.
        self._mode = "test"

    def _count(self):
        return f"\u00b7 test {self.number} of {self._total}"


class Watched:
    """One test, shown in ``browser``'s page from its start to its result."""

    def __init__(self, browser, lab_url, name, number, total):
        self._browser, self._lab = browser, urlsplit(lab_url).netloc
        jar = browser.jar_for(lab_url, COOKIE_PATHS)
        self._overlay = _TestOverlay(browser, name, total, jar)
        self._overlay.number = number
        self._pages = 0
        self._step = Step("no page loaded yet")
        _CURRENT[browser] = self
        self._overlay.step_started(self._step)

    def page_loaded(self):
        self._pages += 1
        try:
            parts = urlsplit(self._browser.driver.current_url)
        except Exception:  # noqa: BLE001 - only a show; the test's next command reports it
            return
        where = parts.geturl()
        if parts.netloc == self._lab:  # the lab's own pages by their path, as the README does
            where = parts.path + (f"?{parts.query}" if parts.query else "")
        self._step.narration = f"page {self._pages}: {where}"

    def finished(self, report, linger=0.0):
        """Show the test's result (``report``: its call's, None if it never ran), for
        ``linger`` seconds (slow motion's pause) before the next test blanks the page."""
        _CURRENT.pop(self._browser, None)
        if report is not None and not report.skipped:
            self._step.passed = report.passed
            crash = getattr(report.longrepr, "reprcrash", None)
            self._step.message = (crash.message.splitlines() or [""])[0] if crash else ""
        self._overlay.step_finished(self._step)
        if linger and self._step.passed is not None:
            threading.Event().wait(linger)
