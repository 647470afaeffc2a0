"""What a watching class sees in the page: the scenario, "step 3 of 8", the step's narration
and result, a box around the element the step looks at, and beside the banner the browser's
cookie jar, live.

It must never change what a check reads: see overlay_script.py for how it stays out of the
page's way. The jar is read again after every WebDriver command that may change it (only in
headed runs: a headless run has no overlay, so no listener and no cost), every second while
a step waits on time, and whenever a cookie's countdown has crossed zero since the last
reading (between steps too: a class paused in step mode must not see an expired cookie
still "seen by JS").

The step's own declaration (Step.about) says which jar rows are highlighted; a step that
declares nothing (a learner's check) falls back on the cookies its narration names.
"""

import re
import time
import weakref

from scenarios.browser.commands import leaves_the_page
from scenarios.core.observers import Observer
from scenarios.lab.overlay_script import MARKER, SHOW

# The overlay whose step runs in each browser: one command listener per browser calls it.
_CURRENT = weakref.WeakKeyDictionary()
_LISTENING = weakref.WeakSet()
# Commands after which the browser has nothing left to read.
_GONE = {"quit", "close"}


def show(driver, scenario, narration, state="running", message="", look_at=(), **more):
    """Draw the overlay in ``driver``'s page. ``more``: note, count, focus, mode and jar."""
    shown = {
        "scenario": scenario,
        "narration": narration,
        "note": more.get("note", ""),
        "state": state,
        "message": message,
        "selectors": list(look_at),
        "count": more.get("count", ""),
        "focus": list(more.get("focus", ())),
        "mode": more.get("mode", "slow"),
        "jar": more.get("jar"),
    }
    driver.execute_script(SHOW, shown)


def jar_rows(jar):
    """The jar as the panel lists it; a WebDriver jar only the page's path (all() would visit
    a page under each path, and the class would watch the browser wander)."""
    cookies = jar.all() if jar.scope == "every path" else jar.here()
    return [
        {
            "name": c.name,
            "value": _shortened(c.value, 32),
            "whole": c.value,
            "site": c.site,
            "path": c.path,
            "expires": c.expires,
            "http_only": c.http_only,
            # "Lax" alone would read as the attribute: the class must tell it from Lax set.
            "same_site": f"{c.same_site} (not set)" if c.same_site_unset else c.same_site,
        }
        for c in sorted(cookies, key=lambda c: (c.name, c.path))
    ]


def _shortened(text, most):
    """``text``, or its start and end around an ellipsis: both ends of a long value show."""
    if len(text) <= most:
        return text
    half = (most - 1) // 2
    return text[:half] + "\u2026" + text[len(text) - half :]


class Overlay(Observer):
    """Draws each step of ``title`` in ``browser``'s page as it runs, for a watching class.

    ``total``: the scenario's step count when known; ``jar``: the cookie jar to list beside
    the banner (None: no panel); ``step_mode``: the instructor paces the steps."""

    def __init__(self, browser, title, total=None, jar=None, step_mode=False):
        self._browser, self._title, self._total = browser, title, total
        self._jar, self._mode = jar, "step" if step_mode else "slow"
        self._step, self._looking_at, self._number = None, (), 0
        self._rows, self._busy, self._read_at, self._read_wall = [], False, 0.0, 0.0
        if jar is not None:
            follow_commands(browser)

    def step_started(self, step):
        self._step, self._looking_at = step, ()
        self._number += 1
        if self._jar is None:
            self._show()
            return
        # While a step runs, its commands are this overlay's to follow; then nobody's, so a
        # browser that goes on without an overlay is left alone.
        _CURRENT[self._browser] = self
        self.jar_changed()

    def looking_at(self, step, selectors):
        self._looking_at = selectors
        self._show()

    def step_finished(self, step):
        _CURRENT.pop(self._browser, None)
        # An interrupted step (Ctrl-C, a cancelled wait) has no result to show.
        if step.passed is not None:
            self._show()

    def waiting(self, step, seconds_left):
        # A wait on time: the jar may lose a cookie at any moment, so read it every second.
        if self._jar is not None and time.monotonic() - self._read_at >= 1:
            self.jar_changed()

    def idle(self, step, instructor):
        # Between steps nothing changes the jar but the clock: read it once a countdown it
        # shows has crossed zero, and not again for the same cookie.
        if self._jar is None or self._busy:
            return
        now = time.time()
        if any(r["expires"] and self._read_wall < r["expires"] <= now for r in self._rows):
            self.jar_changed()

    def jar_changed(self):
        """A command may have changed the jar: read it, and show it."""
        if self._busy:  # the overlay's own commands
            return
        self._busy = True
        try:
            self._rows = jar_rows(self._jar)
            self._read_at, self._read_wall = time.monotonic(), time.time()
        except Exception:  # noqa: BLE001 - only a show; the next real action reports it
            pass
        finally:
            self._busy = False
        self._show()

    def _count(self):
        if self._total and self._number <= self._total:
            return f"\u00b7 step {self._number} of {self._total}"
        return f"\u00b7 step {self._number}"

    def _focus(self):
        """The cookies the step is about: as it declares, else named in its narration or in
        what it looks at."""
        if getattr(self._step, "about", ()):
            return [r["name"] for r in self._rows if r["name"] in self._step.about]
        said = " ".join([self._step.narration, *self._looking_at])
        return [r["name"] for r in self._rows if re.search(rf"\b{re.escape(r['name'])}\b", said)]

    def _show(self):
        if self._step is None or self._busy:
            return
        step = self._step
        state = {None: "running", True: "passed", False: "failed"}[step.passed]
        jar = None
        if self._jar is not None:
            now = time.time()  # the time left, as of this drawing: the page counts on
            rows = [{**r, "left": r["expires"] and r["expires"] - now} for r in self._rows]
            jar = {"scope": self._jar.scope, "rows": rows}
        self._busy = True
        try:
            show(
                self._browser.driver,
                self._title,
                step.narration,
                state,
                step.message,
                self._looking_at,
                count=self._count(),
                note=getattr(step, "note", ""),
                focus=self._focus(),
                mode=self._mode,
                jar=jar,
            )
        except Exception:  # noqa: BLE001 - only a show for the class
            # A browser that fails here fails the next real action too, which reports it.
            pass
        finally:
            self._busy = False


def follow_commands(browser):
    """From now on, after each of ``browser``'s commands that may change the jar, the overlay
    whose step runs in it reads the jar (one listener per browser, whatever the overlays).
    Listeners run in the order they were added: one added later sees the jar drawn."""
    if browser not in _LISTENING:
        browser.add_command_listener(after=_listener(weakref.ref(browser)))
        _LISTENING.add(browser)


def _listener(browser_ref):
    """After each command that may change the jar, the browser's current overlay reads it."""

    def after(command, params):
        browser = browser_ref()
        overlay = browser and _CURRENT.get(browser)
        if overlay is None or command in _GONE or leaves_the_page(command, params):
            return
        if str((params or {}).get("script", "")).startswith(MARKER):
            return
        overlay.jar_changed()

    return after
