"""Reaching a remote WebDriver endpoint (a Selenium Grid) that may ask for a password.

`make grid` on an address beyond loopback asks for one, and prints its URL with the user name
and password in it: `http://USER:PASSWORD@HOST:PORT`. Selenium's client reads credentials
from the URL too, but warns on stderr for each connection; given as a ClientConfig instead,
they go in every request's Authorization header, quietly. Errors show the URL without them.
"""

import base64
import http.client
import json
from urllib.parse import unquote, urlsplit, urlunsplit

from selenium.webdriver.remote.client_config import ClientConfig
from urllib3.exceptions import ReadTimeoutError

from scenarios.core.errors import UsageError


def _without_credentials(url, shown=""):
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    netloc = shown + host + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


# How many page loads' time a Grid may take to answer one request, a new session's included:
# it starts a browser on its node, which may queue behind others. Without a bound, an
# endpoint that accepts and never answers holds the run for ever.
PAGE_LOADS_PER_REQUEST = 6
# How often Selenium's client looks for a BiDi answer (its default, 0.1 s, made every
# reading of a Grid's cookie jar take 100-200 ms; 5 ms makes it 20-50 ms).
BIDI_POLL_SECONDS = 0.005


def connection(url, page_load_seconds):
    """webdriver.Remote's keyword arguments for ``url``, credentials moved out of it."""
    timeout = PAGE_LOADS_PER_REQUEST * page_load_seconds
    parts = urlsplit(url)
    bare = _without_credentials(url) if parts.username is not None else url
    credentials = {}
    if parts.username is not None:
        credentials = {
            "username": unquote(parts.username),
            "password": unquote(parts.password or ""),
        }
    config = ClientConfig(
        remote_server_addr=bare,
        timeout=timeout,
        websocket_interval=BIDI_POLL_SECONDS,
        **credentials,
    )
    return {"command_executor": bare, "client_config": config}


def shown(url):
    """``url`` as an error may print it: a password in it is replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return _without_credentials(url, f"{parts.username}:***@")


def refused_hint(url):
    """What to do when the endpoint at ``url`` answered 'Authorization Required'."""
    if urlsplit(url).username is None:
        return (
            "; this Grid asks for a user name and password: use the URL `make grid` printed, "
            "http://USER:PASSWORD@HOST:PORT"
        )
    return "; the user name or password in --remote-url is wrong"


def answering(url, seconds):
    """Ask the endpoint at ``url`` for its W3C status within ``seconds``, or say in one line
    (UsageError) why not: unreachable, silent, or refusing the credentials. Before a check's
    grading child starts a browser there, so that what is wrong is said at once, not as a
    child that never got ready."""
    parts, shown_url = urlsplit(url), shown(url)
    headers = {}
    if parts.username is not None:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname, parts.port, timeout=seconds)
    try:
        connection.request("GET", parts.path.rstrip("/") + "/status", headers=headers)
        answer = connection.getresponse()
        body = answer.read(65536)
    except TimeoutError:
        raise UsageError(
            f"the WebDriver endpoint at --remote-url {shown_url} did not answer within "
            f"{seconds:g} s"
        ) from None
    except (OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise UsageError(
            f"cannot reach a WebDriver endpoint at --remote-url {shown_url} ({reason})"
        ) from None
    finally:
        connection.close()
    if answer.status == 401:
        raise UsageError(
            f"the browser at --remote-url {shown_url} did not start: Authorization Required"
            + refused_hint(url)
        )
    try:
        json.loads(body)["value"]
    except (ValueError, KeyError, TypeError):
        raise UsageError(
            f"--remote-url {shown_url} is not a WebDriver endpoint: its /status answered "
            f"{answer.status} without a WebDriver status"
        ) from None


def queue_timed_out(why):
    """Whether a Grid refused a new session because none was free in its queue's time
    (its --session-request-timeout)."""
    return "session request timed out" in why.lower()


def read_timed_out(exc):
    """Whether a new-session request was taken and not answered within the client's wait."""
    return isinstance(exc, ReadTimeoutError) or isinstance(
        getattr(exc, "reason", None), ReadTimeoutError
    )


def is_answering(url, seconds):
    """Whether the endpoint at ``url`` gives its W3C status within ``seconds``."""
    try:
        answering(url, seconds)
    except UsageError:
        return False
    return True


def full(shown_url, waited, late=False):
    """The line for a Grid that answered but started no browser: every slot is busy."""
    said = (
        f"the Grid at --remote-url {shown_url} answered but had no free browser slot within "
        f"{waited:.0f} s (every slot busy): check again when others' checks are done, or give "
        "the Grid more --max-sessions or nodes"
    )
    if late:  # still in the Grid's queue: it starts that session when a slot frees
        said += (
            "; the Grid may still start the browser asked for and hold it until its idle timeout"
        )
    return said
