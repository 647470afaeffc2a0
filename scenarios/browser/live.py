"""The live Browser: one browser with its own profile, from launch to quit.

It takes the launcher that launch.py picked (local or remote) and the session each start
returns, and from them gives what follows a driver, a cookie jar (``jar_for``), a way to read
pages (``read``), restarts, and a sure end. It never asks local or remote itself.
"""

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.command import Command

from scenarios.browser.commands import Commands
from scenarios.browser.launch import launcher
from scenarios.browser.session import first_line
from scenarios.core.errors import UsageError
from scenarios.core.processes import signals_held

_ERROR_PAGE_REASON = """
    if (location.protocol === "http:" || location.protocol === "https:") return null;
    const code = document.body && document.body.innerText.match(/\\bERR_[A-Z_]+/);
    return code ? code[0] : "it showed " + location.href;
"""


class Browser:
    """One browser with its own fresh profile; ``restart()`` reopens it on the same profile.

    Local or remote, DevTools or not: decided at launch (``launcher``), once. What follows
    gets a driver, a jar (``jar_for``) and a way to read pages (``read``), and asks no more.
    """

    def __init__(self, config):
        self.config = config
        self._launcher = launcher(config)
        self._commands = Commands()
        self.restarts = 0  # as a user quits and opens it again (restart), not a relaunch
        self._profile = self._launcher.new_profile()
        try:
            self._start()
        except BaseException:
            self._launcher.remove_profile(self._profile)
            raise

    def _start(self):
        # What was launched, with what it can do: the only source of local-or-remote answers.
        self.session = self._launcher.start(self._profile)
        self.driver = self.session.driver
        self._commands.hear(self.driver)

    @property
    def page_changes(self):
        """How many commands so far may have changed the page: a reading of the page
        (LabPage) holds until the count moves."""
        return self._commands.page_changes

    @property
    def last_change(self):
        """The last command that may have changed the page."""
        return self._commands.last_change

    @property
    def has_devtools(self):
        """Whether DevTools is at hand (a local Chromium): the report's lighter screenshots."""
        return self.session.devtools

    def add_command_listener(self, before=lambda c, p: None, after=lambda c, p: None):
        """Call ``before(command, params)`` and ``after(...)`` around each WebDriver command,
        named as Selenium's ``Command`` names them; a restart's new session included."""
        self._commands.listeners.append((before, after))

    def jar_for(self, base_url, cookie_paths=("/",)):
        """The cookie jar of the lab at ``base_url``, whose cookies live at ``cookie_paths``."""
        # The driver, looked up anew on each use: a restart replaces it.
        return self.session.jar(_CurrentDriver(self), base_url, cookie_paths)

    def read(self, script):
        """Run a page-reading ``script``. Just after a visit, which waited for the page to
        load, DevTools reads it in a third of WebDriver's time, skipping WebDriver's wait for a
        pending navigation; after a click or a script, a new page may be about to replace
        this one, so WebDriver reads it."""
        if self.session.devtools and self.last_change == Command.GET:
            done = self.driver.execute_cdp_cmd(
                "Runtime.evaluate",
                {"expression": f"(() => {{{script}}})()", "returnByValue": True},
            )
            shown = done["result"].get("value")
            if "exceptionDetails" not in done and shown and shown.get("loaded"):
                return shown
        return self.driver.execute_script(script)

    def restart(self):
        """Close the browser as a user would, then start it again on the same profile."""
        self.session.close()
        self._start()
        self.restarts += 1

    def relaunch(self):
        """A new browser on a new profile, for one that died or stopped answering."""
        self.kill()
        self._profile = self._launcher.new_profile()
        self._start()

    def reach(self, url):
        """Load ``url``, or say in one line why this browser cannot reach it."""
        try:
            self.driver.get(url)
            # Some failures (an unsafe port, say) load the browser's error page instead.
            reason = self.driver.execute_script(_ERROR_PAGE_REASON)
            if reason and self.session.devtools and not reason.startswith("ERR_"):
                # The headless shell's error page is blank: DevTools names the error.
                failed = self.driver.execute_cdp_cmd("Page.navigate", {"url": url})
                reason = failed.get("errorText", "").removeprefix("net::") or reason
        except WebDriverException as exc:
            reason = first_line(exc)
        if reason:
            hint = self.session.unreachable_hint
            raise UsageError(f"the browser cannot load the lab app at {url} ({reason}){hint}")

    def kill(self):
        """End a local browser at once, without asking it (it may be busy or dead), and
        remove its profile. A remote one is asked to quit: its processes are not ours."""
        with signals_held():
            self.session.kill()
            self._launcher.remove_profile(self._profile)

    def quit(self):
        # A second Ctrl-C during the clean-up must not leave the profile behind.
        with signals_held():
            self.session.close()
            self._launcher.remove_profile(self._profile)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc_info):
        # Interrupted, the person waits: do not queue behind a page load to say goodbye.
        if exc_type is not None and not issubclass(exc_type, Exception):
            self.kill()
        else:
            self.quit()


class _CurrentDriver:
    """Stands for the browser's current driver, which a restart replaces."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser.driver, name)
