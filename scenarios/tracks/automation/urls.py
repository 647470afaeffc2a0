"""A clear error for a learner's ``driver.get`` of something that is not a URL."""

from urllib.parse import urlsplit

from selenium.webdriver.remote.command import Command


def check_url(command, params):
    """A command listener (before each command): refuse a visit to a text that is not a URL.

    The browser's own answer, "invalid argument", says neither the URL nor the slip: lab_url
    has no trailing slash, so lab_url + "set-cookie" ends the port with a path."""
    if command != Command.GET:
        return
    url = (params or {}).get("url", "")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parses the port
    except ValueError:
        parts = None
    if parts is None or not parts.scheme:
        raise ValueError(
            f"driver.get({url!r}): that is not a URL the browser can load; a lab page is "
            'lab_url + "/" + its path, e.g. lab_url + "/set-cookie"'
        )
