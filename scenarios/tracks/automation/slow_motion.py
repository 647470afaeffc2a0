"""``--slow-mo SECONDS``: a pause after each command that loads or changes the page, for a
watching class, as ``cookie-lab run --slow-mo`` gives one."""

import threading

from selenium.webdriver.remote.command import Command

from scenarios.tracks.automation.fresh import BLANK

# Commands after which a watching class gets a pause: those that load or change the page.
PAUSE_AFTER = frozenset(
    {Command.GET, Command.REFRESH, Command.GO_BACK, Command.GO_FORWARD, Command.CLICK_ELEMENT}
)

# The longest pause: a page a class can read, not a run that seems stuck.
MOST_SECONDS = 10


def slow_motion(browser, seconds):
    """Pause ``seconds`` after each of ``browser``'s commands that may change the page. Slow
    motion for a watching class, not a wait for state; it outlives a restart."""
    pause = threading.Event()

    def after(command, params):
        # A blank page (each test's start) shows nothing to watch.
        if command in PAUSE_AFTER and (params or {}).get("url") != BLANK:
            pause.wait(seconds)

    browser.add_command_listener(after=after)


def refusal(seconds):
    """Why ``seconds`` is no --slow-mo, in one line; None if it is one. pytest-playwright's
    --slowmo counts milliseconds: its users' 500 would be an 8-minute pause per page."""
    if seconds > MOST_SECONDS:
        return (
            f"--slow-mo {seconds:g}: the pause is in seconds, not milliseconds "
            f"(at most {MOST_SECONDS}; 0.5 is half a second)"
        )
    if not 0 <= seconds:
        return f"--slow-mo must be between 0 and {MOST_SECONDS} seconds, got {seconds:g}"
    return None
