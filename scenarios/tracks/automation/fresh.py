"""Each learner's test starts as a pytest-playwright user expects a new page to: blank, in one
tab, at the default window size, whatever the test before it left.

The grader runs a learner's tests many times in one browser, so the reset costs little: two
WebDriver commands and a visit to about:blank (about 15 ms here), a third command to resize
the window only when a test changed its size, and a new browser only when the test ended its
own (``driver.quit()``, or closing its last tab)."""

from selenium.common.exceptions import (
    InvalidSessionIdException,
    NoSuchWindowException,
    UnexpectedAlertPresentException,
)
from selenium.webdriver.remote.command import Command
from urllib3.exceptions import HTTPError

BLANK = "about:blank"
# The commands that load a page: a test that issues none of them, but to BLANK, loads none.
PAGE_LOADS = frozenset({Command.GET, Command.REFRESH, Command.GO_BACK, Command.GO_FORWARD})

# What a driver whose browser the test ended answers: an ended session, or (after quit(),
# which also stops ChromeDriver) no answer at all.
_ENDED = (InvalidSessionIdException, HTTPError)


def fresh_start(browser, window_size):
    """Leave ``browser`` on a blank page in its first tab alone, ``window_size`` wide and
    high (the size it was launched at)."""
    driver = browser.driver
    try:
        handles = driver.window_handles
    except _ENDED:
        browser.relaunch()  # starts blank, in one tab, at the launch's size
        return
    first = handles[0]
    for extra in handles[1:]:
        driver.switch_to.window(extra)
        driver.close()
    try:
        if len(handles) > 1:
            driver.switch_to.window(first)
        driver.get(BLANK)
    except (NoSuchWindowException, UnexpectedAlertPresentException):
        # The test closed the tab it was in, or left an alert open (ChromeDriver dismisses it
        # as it refuses the visit).
        driver.switch_to.window(first)
        driver.get(BLANK)
    width, height = window_size
    if driver.get_window_size() != {"width": width, "height": height}:
        driver.set_window_size(width, height)
