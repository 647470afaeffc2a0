"""``restart_browser()``, and the guard on the driver it replaces."""


class StaleDriver(Exception):
    pass


def restarter(browser):
    """A function that closes ``browser`` and opens it again on the same profile, as a user
    quitting and relaunching it would, and returns the new driver."""

    def restart():
        old = browser.driver
        browser.restart()
        # The old driver's browser is gone: a command on it would fail with a connection
        # error that names neither the driver nor the fix.
        old.execute = _stale
        return browser.driver

    return restart


def _stale(command, params=None):
    raise StaleDriver(
        "this driver's browser was closed by restart_browser(): use the driver "
        "restart_browser() returned (driver = restart_browser())"
    )
