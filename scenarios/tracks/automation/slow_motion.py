"""``--slow-mo SECONDS``: a pause after each command that loads or changes the page, for a
watching class, as ``cookie-lab run --slow-mo`` gives one."""

import threading

from selenium.webdriver.remote.command import Command

# Commands after which a watching class gets a pause: those that load or change the page.
PAUSE_AFTER = frozenset(
    {Command.GET, Command.REFRESH, Command.GO_BACK, Command.GO_FORWARD, Command.CLICK_ELEMENT}
)


def slow_motion(browser, seconds):
    """Pause ``seconds`` after each of ``browser``'s commands that may change the page. Slow
    motion for a watching class, not a wait for state; it outlives a restart."""
    pause = threading.Event()

    def after(command, params):
        if command in PAUSE_AFTER:
            pause.wait(seconds)

    browser.add_command_listener(after=after)
