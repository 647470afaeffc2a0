"""What a launch returns: a started browser's driver, what it can do, and how to end it.

A LocalSession owns its driver's process group and ends it outright when it must; a
RemoteSession can only ask the endpoint to quit. Each says, once, whether DevTools is at hand
and which cookie jar the browser offers, so nothing downstream asks local or remote again.
"""

import os
import signal

from scenarios.browser.jar import BiDiJar, DevToolsJar, WebDriverJar
from scenarios.core.processes import members

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


def kill_group(service):
    """Make sure the driver and every browser process it started are gone."""
    process = getattr(service, "process", None)
    if process is None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def first_line(exc):
    text = (getattr(exc, "msg", None) or str(exc)).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Session:
    """A started browser: its ``driver``, whether DevTools is at hand, and its cookie jar."""

    def __init__(self, driver, devtools):
        self.driver = driver
        self.devtools = devtools
        # The whole jar in one call where the browser allows: DevTools, else BiDi (a Grid's,
        # asked for at launch), else WebDriver a path at a time.
        if devtools:
            self.jar = DevToolsJar
        elif driver.caps.get("webSocketUrl"):
            self.jar = BiDiJar
        else:
            self.jar = WebDriverJar

    def close(self):
        """Quit the browser as a user would."""
        try:
            quit_promptly(self.driver)
        except Exception:  # noqa: BLE001 - a dead browser is already closed
            pass


class RemoteSession(Session):
    """A browser a WebDriver endpoint started: its processes are not ours to end."""

    remote = True
    # What a browser elsewhere needs to reach the lab's app on this machine.
    unreachable_hint = "; give --advertise-host a name or address of this machine it can reach"

    def __init__(self, driver):
        super().__init__(driver, devtools=False)

    def kill(self):
        """End the browser at once: a remote one can only be asked."""
        self.close()


class LocalSession(Session):
    """A browser on this machine, whose driver ``service`` leads a process group of its own."""

    remote = False
    unreachable_hint = ""

    def __init__(self, driver, service, devtools):
        super().__init__(driver, devtools)
        self.service = service

    def close(self):
        try:
            if not self.frozen():
                super().close()
        finally:
            kill_group(self.service)  # reap what the quit left

    def frozen(self):
        """Whether the driver or its browser is stopped (SIGSTOP): asked to quit, it would
        hold the quit for minutes (the command's timeout, then Selenium's shutdown request,
        30 s of polling and a 60 s wait for SIGTERM), and a stopped process heeds only
        SIGKILL."""
        process = getattr(self.service, "process", None)
        return process is not None and bool(members(process.pid, states=("T", "t")))

    def kill(self):
        """End the browser without asking it (it may be busy or dead)."""
        kill_group(self.service)
