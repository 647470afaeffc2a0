"""A clear error for a learner's ``driver.get`` of something that is not a URL; the other
site's address for a lab's."""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.remote.command import Command

from lab_app.sites import OTHER_SITE
from scenarios.core.config import is_loopback


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


def other_site(lab_url):
    """The lab at ``lab_url`` as another site: the same server under other.localhost, a name
    Chromium resolves to loopback itself, so only a lab on this machine's loopback has one."""
    parts = urlsplit(lab_url)
    if not is_loopback(parts.hostname or ""):
        pytest.fail(
            f"other_url needs the lab on this machine's loopback, as other.localhost; the lab "
            f"is at {lab_url}, which a browser elsewhere reaches under no other name",
            pytrace=False,
        )
    return f"{parts.scheme}://{OTHER_SITE}:{parts.port}"
