"""Start the lab's browser, and always quit it.

Driver resolution, in order: an explicit setting (COOKIE_LAB_BROWSER_BINARY, COOKIE_LAB_DRIVER),
the system's browser and driver, Selenium Manager (offline, no usage statistics), then
webdriver-manager when installed. Nothing here may download a browser or a driver.

Headless, the system's browser is Chromium's headless shell when it is installed (Debian's
chromium-headless-shell: the same Chromium, its network stack and cookie store, without the
desktop browser around them), as Playwright does. It costs under half the CPU: a launch 0.25 s
against 0.6 s, a page load 33 ms against 73 ms (docs/performance.md). A class watches the
full Chromium; COOKIE_LAB_BROWSER_BINARY=/usr/bin/chromium runs that headless too.
"""

import logging
import os
import shutil
import signal
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import NoSuchDriverException, WebDriverException
from selenium.webdriver.remote.command import Command

from scenarios.browser import profiles, remote
from scenarios.browser.jar import BiDiJar, DevToolsJar, WebDriverJar
from scenarios.core.config import is_loopback
from scenarios.core.errors import UsageError
from scenarios.core.processes import dying_with_this_thread, signals_held

# urllib3 logs each retry of a connection to a dead driver or an unreachable Grid as a
# warning. With any logging set up (a learner's app may call logging.basicConfig) they would
# reach stderr and break the one-line errors, which say once what went wrong.
logging.getLogger("urllib3").propagate = False

# Where a Grid node's Chromium keeps the lab's profile: the node is a Linux machine.
NODE_TMP = "/tmp"

# Chromium as root with no display needs these; the background/component/sync flags keep it
# from dialling hosts it cannot reach here. (They do not stop it all: see _only_the_lab.)
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Chromium otherwise gives every page load a new document host, so that pages can wait
    # in the back/forward cache: about a third more CPU per load, and the lab never goes back.
    # OptimizationHints, MediaRouter and the field trials (variations) are more of its calls
    # home. One --disable-features only: Chromium heeds the last one given.
    "--disable-features=BackForwardCache,RenderDocument,OptimizationHints,MediaRouter,"
    "DialMediaRouteProvider,Translate,AutofillServerCommunication",
    "--variations-server-url=",
)

# The first tab opens blank: Debian's Chromium would open a new tab page that asks a search
# engine it cannot reach for its content, and the first visit would wait for it to give up.
# (Restoring the last session instead would keep session cookies across a restart.)
CHROMIUM_PREFS = {"session.restore_on_startup": 4, "session.startup_urls": ["about:blank"]}


@dataclass(frozen=True)
class _Kind:
    binaries: tuple[str, ...]
    driver: str
    options: type
    service: type
    driver_class: type
    fix: str
    # Chromium's headless shell, chosen first for a headless run when installed.
    has_headless_shell: bool = False


KINDS = {
    "chromium": _Kind(
        ("chromium", "chromium-browser", "google-chrome"),
        "chromedriver",
        webdriver.ChromeOptions,
        webdriver.ChromeService,
        webdriver.Chrome,
        "run `make setup` (it installs Debian's chromium and chromium-driver)",
        has_headless_shell=True,
    ),
    "firefox": _Kind(
        ("firefox", "firefox-esr"),
        "geckodriver",
        webdriver.FirefoxOptions,
        webdriver.FirefoxService,
        webdriver.Firefox,
        # Debian packages Firefox but not geckodriver: Mozilla's release is a single binary.
        "install Firefox and Mozilla's geckodriver (Debian: apt-get install firefox-esr, and "
        "geckodriver from github.com/mozilla/geckodriver/releases on PATH; macOS: "
        "brew install --cask firefox and brew install geckodriver)",
    ),
}


def resolve(config):
    """Return (browser binary, driver path) for a local browser; None means 'not found'."""
    kind = KINDS[config.browser]
    for setting, path in (
        ("COOKIE_LAB_BROWSER_BINARY", config.browser_binary),
        ("COOKIE_LAB_DRIVER", config.driver_path),
    ):
        if path and not os.access(path, os.X_OK):
            raise UsageError(f"{setting}={path} is not an executable file")
    found = [_headless_shell()] if config.headless and kind.has_headless_shell else []
    found += map(shutil.which, kind.binaries)
    binary = config.browser_binary or next(filter(None, found), None)
    driver = config.driver_path or shutil.which(kind.driver)
    return binary, driver


# Debian's chromium-headless-shell command is a script that stays the browser's parent rather
# than exec it: the binary it runs, here, is taken instead, so the browser is the driver's own
# child.
CHROMIUM_LIB = "/usr/lib/chromium"


def _headless_shell():
    found = shutil.which("chromium-headless-shell")
    binary = os.path.join(CHROMIUM_LIB, "chromium-headless-shell")
    return binary if found and os.access(binary, os.X_OK) else found


# Starts the headless shell with a tab to drive: see the script.
_HEADLESS_SHELL = os.path.join(os.path.dirname(__file__), "bin", "headless-shell")


def is_headless_shell(binary):
    """Debian's chromium-headless-shell, or Chrome for Testing's chrome-headless-shell."""
    return "headless-shell" in os.path.basename(binary).replace("_", "-")


def _only_the_lab(config):
    """A resolver rule: the browser looks up no name but the lab's own.

    Even with the flags above, Chromium asks DNS for update.googleapis.com, clients2.google.com
    and optimizationguide-pa.googleapis.com during a run. Every name now fails at once without
    a lookup, except the hosts the lab sends the browser to: this machine by its names and
    addresses (the rule maps addresses too), the advertised host (a Grid's node must reach
    it), and a --base-url's host.
    """
    hosts = ["localhost", "127.0.0.1", "::1", config.advertise_host]
    if config.base_url:
        hosts.append(urlsplit(config.base_url).hostname or "localhost")
    excluded = "".join(f", EXCLUDE {host}" for host in dict.fromkeys(hosts))
    return f"--host-resolver-rules=MAP * ~NOTFOUND{excluded}"


def _options(config, profile_dir):
    kind = KINDS[config.browser]
    options = kind.options()
    # Bounded from the first command: no page load or page script may hold the run.
    timeout_ms = int(config.page_load_seconds * 1000)
    options.timeouts = {"pageLoad": timeout_ms, "script": timeout_ms}
    width, height = config.window_size
    if config.browser == "chromium":
        options.add_argument(f"--window-size={width},{height}")
        # The top-left corner: with no window manager (Xvfb) it would sit 10 px in, cut off.
        options.add_argument("--window-position=0,0")
        if config.headless:
            options.add_argument("--headless=new")  # the shell is headless anyway
        for flag in (*CHROMIUM_FLAGS, _only_the_lab(config)):
            options.add_argument(flag)
        if profile_dir:
            options.add_argument(f"--user-data-dir={profile_dir}")
        options.add_experimental_option("prefs", CHROMIUM_PREFS)
        # No "Chrome is being controlled by automated test software" bar over the lab page:
        # on a projector it costs the class a line and says nothing about cookies.
        options.add_experimental_option("excludeSwitches", ["enable-automation"])
        options.add_experimental_option("useAutomationExtension", False)
        # On a Grid, DevTools is out of reach: BiDi reads the whole cookie jar instead.
        options.enable_bidi = bool(config.remote_url)
    else:
        options.add_argument(f"--width={width}")
        options.add_argument(f"--height={height}")
        if config.headless:
            options.add_argument("-headless")
        if profile_dir:
            options.add_argument("-profile")
            options.add_argument(profile_dir)
    return options


def _driver_from_fallbacks(config):
    """Selenium Manager, then webdriver-manager: only reached when the system has no driver."""
    # Offline here: Selenium Manager may only find what is already on disk, and must not
    # report usage statistics to a host it cannot reach.
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    # Its warnings ("unable to discover ... in offline mode") would break our one-line errors.
    manager_log = logging.getLogger("selenium.webdriver.common.selenium_manager")
    manager_log.disabled = True
    try:
        from selenium.webdriver.common.driver_finder import DriverFinder

        kind = KINDS[config.browser]
        return DriverFinder(kind.service(), kind.options()).get_driver_path()
    except Exception:  # noqa: BLE001 - any failure here just means "try the next fallback"
        pass
    finally:
        manager_log.disabled = False
    try:
        if config.browser == "chromium":
            from webdriver_manager.chrome import ChromeDriverManager
            from webdriver_manager.core.os_manager import ChromeType

            return ChromeDriverManager(chrome_type=ChromeType.CHROMIUM).install()
    except Exception:  # noqa: BLE001 - not installed, or cannot download offline
        pass
    return None


def _launch(config, profile_dir):
    if config.remote_url:
        shown = remote.shown(config.remote_url)
        try:
            return webdriver.Remote(
                **remote.connection(config.remote_url, config.page_load_seconds),
                options=_options(config, profile_dir),
            ), None
        except WebDriverException as exc:
            why = _first_line(exc)
            if why == "Authorization Required":
                why += remote.refused_hint(config.remote_url)
            raise UsageError(f"the browser at --remote-url {shown} did not start: {why}") from None
        except Exception as exc:  # noqa: BLE001 - urllib3's connection errors, among others
            reason = str(getattr(exc, "reason", exc)).rsplit(": ", 1)[-1]
            raise UsageError(
                f"cannot reach a WebDriver endpoint at --remote-url {shown} ({reason})"
            ) from None
    kind = KINDS[config.browser]
    binary, driver = resolve(config)
    if binary is None:
        raise UsageError(f"no {config.browser} browser found: {kind.fix}")
    driver = driver or _driver_from_fallbacks(config)
    if driver is None:
        raise UsageError(
            f"no {kind.driver} found: {kind.fix}, or set COOKIE_LAB_DRIVER to its path"
        )
    options = _options(config, profile_dir)
    options.binary_location = binary
    env = None
    if is_headless_shell(binary):
        options.binary_location = _HEADLESS_SHELL
        env = {**os.environ, "COOKIE_LAB_HEADLESS_SHELL": binary}
    if config.browser == "chromium":
        # DevTools over a pipe from the driver, not a port: Chromium then ends when its
        # driver does, and the driver ends with us (below), even when we are SIGKILLed.
        options.add_argument("--remote-debugging-pipe")
    # Its own session: a Ctrl-C in the terminal reaches only us, and we quit the browser.
    popen_kw = {"start_new_session": True, "preexec_fn": dying_with_this_thread()}
    service = kind.service(executable_path=driver, popen_kw=popen_kw, env=env)
    try:
        return kind.driver_class(service=service, options=options), service
    except (WebDriverException, NoSuchDriverException) as exc:
        _kill_group(service)
        raise UsageError(f"{config.browser} did not start: {_first_line(exc)}") from None
    except BaseException:
        _kill_group(service)
        raise


# How long quit() waits for Selenium's BiDi reader thread to end.
BIDI_READER_SECONDS = 0.5


def quit_promptly(driver):
    """``driver.quit()``, without its wait for Selenium's BiDi reader thread.

    Selenium's quit() closes the BiDi websocket, then joins that thread for up to the
    websocket timeout (30 s). It often wakes only at the end of websocket-client's 10-second
    select(): half the quits through a Grid took 10 s, a Grid class's every session-restart
    step among them. The thread is a daemon and ends by itself.
    """
    connection = getattr(driver, "_websocket_connection", None)
    if connection is not None and hasattr(connection, "response_wait_timeout"):
        connection.response_wait_timeout = BIDI_READER_SECONDS
    driver.quit()


def _kill_group(service):
    """Make sure the driver and every browser process it started are gone."""
    process = getattr(service, "process", None)
    if process is None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


# WebDriver commands that leave the page as it was, so a reading of the page taken before
# them still holds. Any other command (a visit, a click, a script) may change it.
_LEAVE_THE_PAGE = frozenset(
    {
        Command.GET_CURRENT_URL,
        Command.GET_TITLE,
        Command.GET_PAGE_SOURCE,
        Command.FIND_ELEMENT,
        Command.FIND_ELEMENTS,
        Command.FIND_CHILD_ELEMENT,
        Command.FIND_CHILD_ELEMENTS,
        Command.GET_ELEMENT_TEXT,
        Command.GET_ELEMENT_ATTRIBUTE,
        Command.GET_ELEMENT_PROPERTY,
        Command.GET_ELEMENT_TAG_NAME,
        Command.GET_ELEMENT_RECT,
        Command.SCREENSHOT,
        Command.ELEMENT_SCREENSHOT,
        Command.GET_ALL_COOKIES,
        Command.GET_COOKIE,
    }
)
_LEAVE_THE_PAGE_DEVTOOLS = frozenset(
    {"Storage.getCookies", "Runtime.evaluate", "Page.captureScreenshot"}
)


def leaves_the_page(command, params):
    """Whether WebDriver ``command`` leaves the page as it was (reading it, say)."""
    if command == "executeCdpCommand":
        return params["cmd"] in _LEAVE_THE_PAGE_DEVTOOLS
    return command in _LEAVE_THE_PAGE


_ERROR_PAGE_REASON = """
    if (location.protocol === "http:" || location.protocol === "https:") return null;
    const code = document.body && document.body.innerText.match(/\\bERR_[A-Z_]+/);
    return code ? code[0] : "it showed " + location.href;
"""


def _first_line(exc):
    text = (getattr(exc, "msg", None) or str(exc)).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Browser:
    """One browser with its own fresh profile; ``restart()`` reopens it on the same profile.

    Local or remote, DevTools or not: decided here, when it starts. What follows gets a
    driver, a jar (``jar_for``) and a way to read pages (``read``), and asks no more.
    """

    def __init__(self, config):
        self.config = config
        # Called around every WebDriver command, a click's as well as the driver's own:
        # (before, after) pairs, each given (command, params). They outlive a restart.
        self._listeners = []
        self._devtools = config.browser == "chromium" and not config.remote_url
        # How many commands so far may have changed the page, and the last of them: a reading
        # of the page (LabPage) holds until the count moves.
        self.page_changes = 0
        self.last_change = None
        self._profile = _new_profile(config)
        try:
            self._start()
        except BaseException:
            self._remove_profile()
            raise

    def _start(self):
        self.driver, self._service = _launch(self.config, self._profile)
        # A stopped or wedged browser must not hold a command forever: Selenium's own HTTP
        # client waits without limit by default. Room for a page load, then a margin.
        self.driver.command_executor._client_config.timeout = 2 * self.config.page_load_seconds + 5
        self.page_changes += 1  # a new browser shows a new page
        self.last_change = Command.NEW_SESSION
        execute = self.driver.execute

        def execute_with_listeners(command, params=None):
            if not leaves_the_page(command, params):
                self.page_changes += 1
                self.last_change = command
            for before, _ in self._listeners:
                before(command, params)
            try:
                return execute(command, params)
            finally:
                for _, after in self._listeners:
                    after(command, params)

        self.driver.execute = execute_with_listeners
        for before, _ in self._listeners:
            before(Command.NEW_SESSION, None)

    @property
    def has_devtools(self):
        """Whether DevTools is at hand (a local Chromium): the report's lighter screenshots."""
        return self._devtools

    def add_command_listener(self, before=lambda c, p: None, after=lambda c, p: None):
        """Call ``before(command, params)`` and ``after(...)`` around each WebDriver command,
        named as Selenium's ``Command`` names them; a restart's new session included."""
        self._listeners.append((before, after))

    def jar_for(self, base_url, cookie_paths=("/",)):
        """The cookie jar of the lab at ``base_url``, whose cookies live at ``cookie_paths``."""
        if self._devtools:
            kind = DevToolsJar
        elif self.driver.caps.get("webSocketUrl"):
            kind = BiDiJar
        else:
            kind = WebDriverJar
        # The driver, looked up anew on each use: a restart replaces it.
        return kind(_CurrentDriver(self), base_url, cookie_paths)

    def read(self, script):
        """Run a page-reading ``script``. Just after a visit, which waited for the page to
        load, DevTools reads it in a third of WebDriver's time, skipping WebDriver's wait for a
        pending navigation; after a click or a script, a new page may be about to replace
        this one, so WebDriver reads it."""
        if self._devtools and self.last_change == Command.GET:
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
        self._close()
        self._start()

    def relaunch(self):
        """A new browser on a new profile, for one that died or stopped answering."""
        self.kill()
        self._profile = _new_profile(self.config)
        self._start()

    def reach(self, url):
        """Load ``url``, or say in one line why this browser cannot reach it."""
        try:
            self.driver.get(url)
            # Some failures (an unsafe port, say) load the browser's error page instead.
            reason = self.driver.execute_script(_ERROR_PAGE_REASON)
            if reason and self._devtools and not reason.startswith("ERR_"):
                # The headless shell's error page is blank: DevTools names the error.
                failed = self.driver.execute_cdp_cmd("Page.navigate", {"url": url})
                reason = failed.get("errorText", "").removeprefix("net::") or reason
        except WebDriverException as exc:
            reason = _first_line(exc)
        if reason:
            hint = ""
            if self.config.remote_url:
                hint = "; give --advertise-host a name or address of this machine it can reach"
            raise UsageError(f"the browser cannot load the lab app at {url} ({reason}){hint}")

    def _close(self):
        try:
            quit_promptly(self.driver)
        except Exception:  # noqa: BLE001 - a dead browser is already closed; reap it below
            pass
        finally:
            if self._service is not None:
                _kill_group(self._service)

    def _remove_profile(self):
        # A remote profile lives on the node's machine: removable from here only when the
        # node is this machine.
        remote = self.config.remote_url
        if self._profile and (not remote or is_loopback(urlsplit(remote).hostname or "")):
            shutil.rmtree(self._profile, ignore_errors=True)

    def kill(self):
        """End a local browser at once, without asking it (it may be busy or dead), and
        remove its profile. A remote one is asked to quit: its processes are not ours."""
        with signals_held():
            if self._service is None:
                self._close()
            else:
                _kill_group(self._service)
            self._remove_profile()

    def quit(self):
        # A second Ctrl-C during the clean-up must not leave the profile behind.
        with signals_held():
            self._close()
            self._remove_profile()

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


def _new_profile(config):
    if not config.remote_url:
        return profiles.new_local()
    if config.browser != "chromium":
        return None
    # A path on the node's machine, which Chromium creates: a restart in a new session names
    # it again, so the new browser opens the old profile, as a local restart does.
    return f"{NODE_TMP}/cookie-lab-profile-{uuid.uuid4().hex}"
