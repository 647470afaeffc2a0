"""Broken labs: the lab app with exactly one behaviour wrong, for grading learners' tests.

A learner's browser test proves a behaviour when it passes on the real lab and fails on each
lab that gets that behaviour wrong. Choose one with ``create_app({"BROKEN": name})``, or by
hand: ``COOKIE_LAB_BROKEN=path-cookie-at-root flask --app lab_app run``. Each fault is one
explicit ``if broken(name)`` switch in the route it breaks (tutorial.py, beyond.py).

Each description finishes the sentence "a lab where ...".
"""

from datetime import timedelta

from flask import current_app, request

BROKEN_LABS = {
    "set-on-second-visit": "/set-cookie sets cookie_name only from its second visit on",
    "set-cookie-sets-nothing": "/set-cookie sets no cookie at all",
    "session-cookie-own-path": "/set-cookie sets cookie_name with Path=/set-cookie, so / never "
    "carries it",
    "set-cookie-misnamed": "/set-cookie names its cookie cookie-name, not cookie_name, with the "
    "right value",
    "set-cookie-redirects": "/set-cookie sets cookie_name and redirects to /, so the page it ends "
    "on already carried it",
    "update-adds-second-cookie": "/update-cookie adds a second cookie_name at "
    "Path=/update-cookie instead of replacing the first",
    "update-keeps-value": "/update-cookie sets cookie_name to its old value, cookie_value",
    "update-sets-new-name": "/update-cookie sets updated_cookie_value under a new name, "
    "updated_cookie_name, and leaves cookie_name as it was",
    "update-only-if-missing": "/update-cookie sets cookie_name only for a browser that carries "
    "none, so it never replaces one",
    "path-cookie-at-root": "the path cookie is set with Path=/, so every route carries it",
    "path-cookie-on-lookalike": "the path cookie is set a second time for the look-alike path "
    "/set-path-cookie-alternate, as if paths matched by their first letters",
    "path-cookie-trailing-slash": "the path cookie is set with Path=/set-path-cookie/, so "
    "/set-path-cookie itself never carries it",
    "delete-by-name-only": "/delete-cookies deletes by name alone, so the path cookie survives",
    "delete-keeps-long-cookie": "/delete-cookies forgets the 400-day cookie, long_cookie_name",
    "expiry-never": "the expiring cookie has no Max-Age, so it lives as long as the browser",
    "expiry-at-once": "the expiring cookie has Max-Age=0, so the browser drops it at once",
    "expiry-60s": "the expiring cookie lives 60 s, whatever the page says",
    "session-cookie-persists": "the session cookie, cookie_name, has a one-day Max-Age, so it "
    "survives a browser restart",
    "session-restored-by-long-cookie": "/ sets cookie_name again, and reloads, for a browser "
    "that carries long_cookie_name without it, so the session seems to survive a restart",
    "long-cookie-session-only": "the 400-day cookie has no Max-Age, so it dies with the browser",
    "httponly-missing": "httponly_cookie_name is set without HttpOnly, so page scripts can read it",
    "httponly-cookie-not-set": "/set-httponly-cookie sets script_cookie_name alone, and no "
    "httponly_cookie_name",
    "httponly-on-script-cookie": "script_cookie_name is HttpOnly too, so page scripts see "
    "neither cookie",
    "expiry-renewed-on-read": "/ sets expiring_cookie_name again, with its Max-Age, whenever the "
    "request carries it, so it never expires while the page is read",
    # The lab on two sites (cross_site.py): only a test that comes from another site sees them.
    "strict-cookie-set-lax": "/cross-site/set-cookies sets strict_cookie with SameSite=Lax, so a "
    "link from another site carries it",
    "strict-cookie-lax-twin": "/cross-site/set-cookies also sets a second strict_cookie, "
    "SameSite=Lax, for Path=/cross-site/landing, so a link from another site carries one",
    "lax-cookie-set-strict": "/cross-site/set-cookies sets lax_cookie with SameSite=Strict, so a "
    "link from another site arrives without it",
    "strict-cookie-bounced": "/cross-site/landing, reached from another site without "
    "strict_cookie, reloads itself, so the page the link ends on carries it",
    "csrf-token-not-checked": "/cross-site/transfer/token makes the transfer without checking the "
    "CSRF token",
    "csrf-lax-session-none": "/cross-site/bank sets bank_session_lax with SameSite=None; Secure, "
    "so another site's form carries it",
    "transfer-on-get": "/cross-site/transfer/... makes the transfer on a GET too, which a link "
    "from another site sends with the Lax session cookie",
    "csrf-own-form-refused": "/cross-site/bank's own form carries a CSRF token made for another "
    "session, so the bank refuses its own form too",
    "csrf-remember-me-transfers": "/cross-site/transfer/... takes the remember_me cookie "
    "(SameSite=None) for a session when none arrived, and skips the CSRF token check",
}

# Labs whose page shows the Set-Cookie headers a route should send while the response sends
# none: what the server claims is not what the browser got. A test that reads the page's
# "What this response sets" list, and never what the browser stored or sent, passes on them.
SHOWN_NOT_SENT = {
    "set-cookie-shown-not-sent": "/set-cookie",
    "update-shown-not-sent": "/update-cookie",
    "path-cookie-shown-not-sent": "/set-path-cookie",
    "delete-shown-not-sent": "/delete-cookies",
    "expiry-shown-not-sent": "/set-expiring-cookie",
    "httponly-shown-not-sent": "/set-httponly-cookie",
}
BROKEN_LABS.update(
    {
        name: f"{path}'s page shows the Set-Cookie headers it should send, but its response "
        "sends none"
        for name, path in SHOWN_NOT_SENT.items()
    }
)

# What the faulty labs use instead of the real values.
WRONG_EXPIRY = 60
WRONG_SESSION_MAX_AGE = timedelta(days=1)


def unsent(response):
    """An ``after_request`` hook: a SHOWN_NOT_SENT lab's route, its page already rendered with
    the headers, loses them on the way out."""
    if SHOWN_NOT_SENT.get(current_app.config["BROKEN"]) == request.path:
        response.headers.pop("Set-Cookie", None)
        while "Set-Cookie" in response.headers:
            del response.headers["Set-Cookie"]
    return response


def broken(name):
    """True when this app is the broken lab ``name``; a misspelt name fails loudly."""
    if name not in BROKEN_LABS:
        raise KeyError(f"no broken lab is named {name!r}")
    return current_app.config["BROKEN"] == name


def first_visit(endpoint):
    """True the first time this app serves ``endpoint`` (set-on-second-visit counts visits)."""
    seen = current_app.extensions.setdefault("cookie_lab_visited", set())
    if endpoint in seen:
        return False
    seen.add(endpoint)
    return True


def check_broken(value):
    """None is the real lab; anything else must name a broken lab."""
    if value is not None and value not in BROKEN_LABS:
        names = ", ".join(BROKEN_LABS)
        raise ValueError(f"BROKEN: no broken lab is named {value!r}; choose one of: {names}")
