"""One JSON POST to the classroom, bounded: what the learner's side says to the class server."""

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit


class Unreachable(Exception):
    """No answer from the classroom: refused, timed out, no such host. Says which, briefly."""


def check_url(url):
    """``url`` if it is an http(s) URL with a host, else ValueError saying what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not a classroom's address (http://HOST:PORT)")
    parts.port  # noqa: B018 - a port that is not a number raises ValueError here
    return url.rstrip("/")


def post(url, body, timeout, key=None):
    """POST ``body`` as JSON to ``url``: (status, the answer's JSON or {}). Unreachable when
    nothing answers within ``timeout`` seconds."""
    headers = {"Content-Type": "application/json", "User-Agent": "cookie-lab"}
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, _json(response.read())
    except urllib.error.HTTPError as exc:  # a 4xx or 5xx: an answer, with its reason
        with exc:
            return exc.code, _json(exc.read())
    except urllib.error.URLError as exc:
        reason = exc.reason
        raise Unreachable(getattr(reason, "strerror", None) or str(reason)) from None
    except TimeoutError:  # socket.timeout is TimeoutError
        raise Unreachable("it did not answer in time") from None
    except OSError as exc:  # the connection reset mid-answer, say
        raise Unreachable(exc.strerror or str(exc)) from None


def _json(data):
    try:
        answer = json.loads(data or b"{}")
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}
