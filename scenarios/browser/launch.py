"""The launch chain: where "local or remote?" is asked, once, and a browser is started.

``launcher(config)`` answers the question and returns a Local or a Remote launcher. Each
makes and removes the browser's profile where the browser runs, and ``start(profile)`` starts
a browser there and returns a Session: the driver with what it can do (DevTools or not, which
cookie jar, the hint for a lab it cannot reach) and how to end it. The live Browser (live.py)
holds a launcher and a session, and asks no more.
"""

import logging
import os
import shutil
import time
import uuid
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import NoSuchDriverException, WebDriverException
from urllib3.util.retry import Retry

from scenarios.browser import pending, profiles, remote
from scenarios.browser.binaries import (
    HEADLESS_SHELL_SCRIPT,
    KINDS,
    driver_from_fallbacks,
    is_headless_shell,
    resolve,
)
from scenarios.browser.options import browser_options
from scenarios.browser.session import (
    LocalSession,
    RemoteSession,
    first_line,
    kill_group,
    quit_promptly,
)
from scenarios.core.config import is_loopback
from scenarios.core.errors import UsageError
from scenarios.core.processes import child_environment, dying_with_this_thread

# urllib3 logs each retry of a connection to a dead driver or an unreachable Grid as a
# warning. With any logging set up (a learner's app may call logging.basicConfig) they would
# reach stderr and break the one-line errors, which say once what went wrong.
logging.getLogger("urllib3").propagate = False

# Where a Grid node's Chromium keeps the lab's profile: the node is a Linux machine.
NODE_TMP = "/tmp"

# resolve and quit_promptly are the launch chain's too: callers import them from here.
__all__ = ["Local", "Remote", "launcher", "quit_promptly", "resolve"]


def launcher(config):
    """The one place that asks whether the browser is local or remote."""
    return Remote(config) if config.remote_url else Local(config)


class Local:
    """A browser on this machine, its driver in a session of its own, which we end."""

    def __init__(self, config):
        self.config = config
        # DevTools over the driver's pipe: a local Chromium's alone.
        self.devtools = config.browser == "chromium"

    def new_profile(self):
        return profiles.new_local()

    def remove_profile(self, profile):
        shutil.rmtree(profile, ignore_errors=True)

    def start(self, profile):
        config, kind = self.config, KINDS[self.config.browser]
        binary, driver = resolve(config)
        if binary is None:
            raise UsageError(f"no {config.browser} browser found: {kind.fix}")
        driver = driver or driver_from_fallbacks(config)
        if driver is None:
            raise UsageError(
                f"no {kind.driver} found: {kind.fix}, or set COOKIE_LAB_DRIVER to its path"
            )
        options = browser_options(config, profile)
        options.binary_location = binary
        settings = _temporary_folder(profile)
        if is_headless_shell(binary):
            options.binary_location = HEADLESS_SHELL_SCRIPT
            settings["COOKIE_LAB_HEADLESS_SHELL"] = binary
        env = child_environment(**settings) if settings else None  # else the driver's is ours
        if config.browser == "chromium":
            # DevTools over a pipe from the driver, not a port: Chromium then ends when its
            # driver does, and the driver ends with us (below), even when we are SIGKILLed.
            options.add_argument("--remote-debugging-pipe")
        # Its own session: a Ctrl-C in the terminal reaches only us, and we quit the browser.
        popen_kw = {"start_new_session": True, "preexec_fn": dying_with_this_thread()}
        service = kind.service(executable_path=driver, popen_kw=popen_kw, env=env)
        try:
            started = kind.driver_class(service=service, options=options)
        except (WebDriverException, NoSuchDriverException) as exc:
            kill_group(service)
            raise UsageError(f"{config.browser} did not start: {first_line(exc)}") from None
        except BaseException:
            kill_group(service)
            raise
        return LocalSession(_bounded(started, config), service, self.devtools)


class Remote:
    """A browser a WebDriver endpoint (a Grid) starts on its node: its processes are not ours."""

    devtools = False  # out of reach through a Grid: BiDi reads the whole jar instead

    def __init__(self, config):
        self.config = config

    def new_profile(self):
        if self.config.browser != "chromium":
            return None
        # A path on the node's machine, which Chromium creates: a restart in a new session
        # names it again, so the new browser opens the old profile, as a local restart does.
        # It carries our process id as a local profile does: when the node is this machine,
        # the next run removes those of a run that was killed before it could. Not from a
        # grading child's box, where every run outside looks gone, live ones included.
        if self._node_is_here() and not profiles.boxed():
            profiles.reap_stale(NODE_TMP)
        return f"{NODE_TMP}/{profiles.node_prefix()}{uuid.uuid4().hex}"

    def _node_is_here(self):
        return is_loopback(urlsplit(self.config.remote_url).hostname or "")

    def remove_profile(self, profile):
        # On the node's machine: removable from here only when the node is this machine.
        if profile and self._node_is_here():
            shutil.rmtree(profile, ignore_errors=True)

    def start(self, profile):
        config, url = self.config, self.config.remote_url
        shown, asked = remote.shown(url), time.monotonic()
        connection = remote.connection(url, config.page_load_seconds)
        options = browser_options(config, profile, bidi=True)
        try:
            # An interrupt meanwhile quits the session the Grid still returns (pending.py).
            started = pending.started(lambda: webdriver.Remote(**connection, options=options))
        except WebDriverException as exc:
            why = first_line(exc)
            if remote.queue_timed_out(why):
                raise UsageError(remote.full(shown, time.monotonic() - asked)) from None
            if why == "Authorization Required":
                why += remote.refused_hint(url)
            raise UsageError(f"the browser at --remote-url {shown} did not start: {why}") from None
        except Exception as exc:  # noqa: BLE001 - urllib3's connection errors, among others
            # Taken and kept queued by a Grid that answers: full, not out of reach.
            if remote.read_timed_out(exc) and remote.is_answering(url, config.page_load_seconds):
                raise UsageError(remote.full(shown, time.monotonic() - asked, late=True)) from None
            reason = str(getattr(exc, "reason", exc)).rsplit(": ", 1)[-1]
            raise UsageError(
                f"cannot reach a WebDriver endpoint at --remote-url {shown} ({reason})"
            ) from None
        return RemoteSession(_bounded(started, config))


# Chromium's singleton socket lives at TMPDIR/.org.chromium.Chromium.XXXXXX/SingletonSocket,
# and a Unix socket's path holds 107 bytes at most.
_SOCKET_ROOM = 107 - len("/.org.chromium.Chromium.XXXXXX/SingletonSocket")


def _temporary_folder(profile):
    """The driver's and the browser's TMPDIR, inside the profile's folder: ChromeDriver's
    scoped_dir folders and Chromium's own then go when the profile does, however the run
    ends. None fits when the profile's path is too long for Chromium's socket."""
    folder = os.path.join(profile, "tmp")
    if len(folder) > _SOCKET_ROOM:
        return {}
    os.makedirs(folder, exist_ok=True)
    return {"TMPDIR": folder}


def _bounded(driver, config):
    """A stopped or wedged browser must not hold a command forever: Selenium's own HTTP
    client waits without limit by default. Room for a page load, then a margin."""
    executor = driver.command_executor
    executor._client_config.timeout = 2 * config.page_load_seconds + 5
    # And once: urllib3 tries a GET whose answer timed out three times more, so a frozen
    # browser held a reading of the page 4 x 25 s. Connections refused are still retried.
    pools = getattr(executor, "_conn", None)
    if pools is not None:
        pools.connection_pool_kw["retries"] = Retry(total=3, read=0)
        pools.clear()  # the pool the session was made in goes; the next has the setting
    return driver
