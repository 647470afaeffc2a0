"""Every WebDriver command a live browser runs, heard: listeners around each, and a count of
those that may have changed the page, so a reading of the page knows when it still holds."""

from selenium.webdriver.remote.command import Command

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


class Commands:
    """The listeners and the page-change count of one live browser, across its restarts."""

    def __init__(self):
        # (before, after) pairs, each given (command, params). They outlive a restart.
        self.listeners = []
        # How many commands so far may have changed the page, and the last of them: a reading
        # of the page (LabPage) holds until the count moves.
        self.page_changes = 0
        self.last_change = None

    def hear(self, driver):
        """Route each of a new ``driver``'s commands, a click's as well as the driver's own,
        through the listeners and the count. A new browser shows a new page."""
        self.page_changes += 1
        self.last_change = Command.NEW_SESSION
        execute = driver.execute

        def execute_with_listeners(command, params=None):
            if not leaves_the_page(command, params):
                self.page_changes += 1
                self.last_change = command
            for before, _ in self.listeners:
                before(command, params)
            try:
                return execute(command, params)
            finally:
                for _, after in self.listeners:
                    after(command, params)

        driver.execute = execute_with_listeners
        for before, _ in self.listeners:
            before(Command.NEW_SESSION, None)
