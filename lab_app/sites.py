"""The lab on two sites: one server answers as lab.localhost and as other.localhost (any
name under .localhost), told apart by the Host header. What the cross-site routes share:
the site URLs, a log of what each cross-site request carried, the one-attribute-less
variants that prove each attribute matters, and the CSRF token.
"""

import hashlib
import hmac
import secrets

from flask import current_app, request

LAB_SITE = "lab.localhost"
OTHER_SITE = "other.localhost"

# Set-Cookie attributes by their set_cookie argument: what DROP_ATTRIBUTE may name.
ATTRIBUTES = {
    "SameSite": "samesite",
    "Secure": "secure",
    "Domain": "domain",
    "Path": "path",
    "Partitioned": "partitioned",
}


def site_url(site, path=""):
    """``path`` on ``site`` (lab.localhost, other.localhost, ...) at this server's port."""
    port = request.host.rpartition(":")[2] if request.host.count(":") == 1 else ""
    return f"{request.scheme}://{site}{':' + port if port else ''}{path}"


def lab_home():
    """The lab as the other site's pages link, post and frame to it: lab.localhost at this
    server's port, or the LAB_URL a learner's test logged in at (the automation track's
    lab_url, http://127.0.0.1:PORT, is as much another site to other.localhost)."""
    return current_app.config["LAB_URL"] or site_url(LAB_SITE)


def host_name():
    """The name this request was sent to, without its port."""
    return request.host.rpartition(":")[0] if request.host.count(":") == 1 else request.host


def set_with(response, name, value, **attributes):
    """Set ``name`` with ``attributes``, minus the one DROP_ATTRIBUTE names for it: the lab
    variant a scenario must fail against, for that attribute is what makes its lesson work."""
    dropped = current_app.config["DROP_ATTRIBUTE"]
    if dropped is not None and dropped[0] == name:
        attributes.pop(ATTRIBUTES[dropped[1]], None)
    response.set_cookie(name, value, **attributes)


def check_drop(value):
    """None, or [cookie name, one of ATTRIBUTES]."""
    if value is None:
        return
    if not (isinstance(value, list | tuple) and len(value) == 2 and value[1] in ATTRIBUTES):
        raise ValueError(
            f"DROP_ATTRIBUTE must be [cookie name, attribute] with the attribute one of "
            f"{', '.join(ATTRIBUTES)}, got {value!r}"
        )


def _log():
    return current_app.extensions.setdefault("cookie_lab_received", {})


def record(via):
    """Note what this request carried, under ``via`` (link, form, frame, fetch, image)."""
    _log()[via] = {
        "via": via,
        "n": request.args.get("n", ""),
        "method": request.method,
        "fetch_site": request.headers.get("Sec-Fetch-Site", "(not sent)"),
        "cookies": sorted(request.cookies),
    }


def received(n=None):
    """What the logged requests carried, the latest of each way in; ``n``: only one page's."""
    return [entry for entry in _log().values() if n is None or entry["n"] == n]


def forget_received():
    _log().clear()


def allow_reading(response, credentials=False):
    """Let a page on another .localhost site read ``response`` (CORS): a credentialed fetch
    needs its exact origin and Allow-Credentials; nothing else is opened to other origins."""
    origin = request.headers.get("Origin", "")
    if origin.partition("://")[2].split(":")[0].endswith(".localhost"):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
        if credentials:
            response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def csrf_token(session):
    """The token a session's own forms carry: another site can send the cookie, never read
    the page that holds this."""
    key = current_app.extensions.setdefault("cookie_lab_csrf_key", secrets.token_bytes(32))
    return hmac.new(key, session.encode(), hashlib.sha256).hexdigest()


def token_matches(session, token):
    return bool(session) and hmac.compare_digest(csrf_token(session), token or "")
