"""Beyond the tutorial: the cookie attributes learners trip over, one lesson each."""

import warnings
from datetime import UTC, datetime, timedelta

from flask import Blueprint, current_app, make_response

from lab_app.broken import broken
from lab_app.page import Lesson, render_page
from lab_app.tutorial import PATH_COOKIE_PATH

bp = Blueprint("beyond", __name__)

# Browsers keep a cookie whose name and value together take at most this many bytes.
BROWSER_NAME_VALUE_LIMIT = 4096
KEPT_SIZE_COOKIE = "kept_size_cookie"
DROPPED_SIZE_COOKIE = "dropped_size_cookie"

# Each value holds a character a cookie value may not carry bare (RFC 6265's cookie-octet).
TRICKY_VALUES = {
    "space_cookie": "hello world",
    "quote_cookie": 'say "hi"',
    "comma_cookie": "one,two",
    "semicolon_cookie": "one;two",
    "non_ascii_cookie": "café ☕",
}

# A date long past: a cookie set to expire then is deleted on arrival.
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
EXPIRES_IN = timedelta(days=30)

LESSONS = {
    "set_httponly_cookie": Lesson(
        "/set-httponly-cookie",
        "HttpOnly: for the server's eyes only",
        "This response sets httponly_cookie_name with HttpOnly, and script_cookie_name "
        "without it. The browser sends both to the server, but document.cookie below shows "
        "only script_cookie_name, and a page script cannot overwrite the HttpOnly one.",
    ),
    "set_oversized_cookies": Lesson(
        "/set-oversized-cookies",
        "Too big: dropped without a word",
        f"This response sets {KEPT_SIZE_COOKIE}, whose name and value take exactly "
        f"{BROWSER_NAME_VALUE_LIMIT} bytes, and {DROPPED_SIZE_COOKIE}, one byte more. "
        "Werkzeug warns about both (its limit counts the whole header); the browser keeps "
        "the first and silently ignores the second.",
    ),
    "set_capped_cookies": Lesson(
        "/set-capped-cookies",
        "The 400-day cap, with Expires and with Max-Age",
        "This response asks for 500 days twice: capped_expires_cookie with an Expires date, "
        "capped_max_age_cookie with max_age=timedelta(days=500), which Flask sends as "
        "Max-Age in seconds. The browser caps both at 400 days.",
    ),
    "set_expires_cookie": Lesson(
        "/set-expires-cookie",
        "Expires: an expiry date instead of a Max-Age",
        "This response sets expires_cookie_name with expires= a date 30 days from now, the "
        "way the tutorial calls deprecated. Browsers still honour it: the cookie is kept "
        "until that date.",
    ),
    "expire_with_past_date": Lesson(
        "/expire-with-past-date",
        "Expires in the past: a deletion",
        "This response sets expires_cookie_name again with an Expires date in the year "
        "2000. A cookie that has already expired is not stored: the browser deletes the one "
        "it held.",
    ),
    "set_samesite_cookies": Lesson(
        "/set-samesite-cookies",
        "SameSite: unset, Lax and Strict",
        "This response sets samesite_unset_cookie without SameSite, samesite_lax_cookie with "
        "SameSite=Lax and samesite_strict_cookie with SameSite=Strict. Browsers differ in "
        "what they assume when SameSite is missing.",
    ),
    "path_cookie_lookalike": Lesson(
        PATH_COOKIE_PATH + "x",
        "Path matching stops at a /",
        "This route sets nothing. Its path starts with /set-path-cookie, but a cookie's path "
        "matches only whole segments: the path cookie is not carried here.",
    ),
    "path_cookie_other_case": Lesson(
        PATH_COOKIE_PATH.upper(),
        "Path matching is case-sensitive",
        "This route sets nothing. It is /set-path-cookie in capitals, and cookie paths "
        "compare letter for letter: the path cookie is not carried here.",
    ),
    "set_tricky_value_cookies": Lesson(
        "/set-tricky-value-cookies",
        "Spaces, quotes, commas, semicolons, non-ASCII",
        "This response sets values a cookie may not carry bare. Flask quotes them and "
        "escapes commas, semicolons and non-ASCII bytes as octal; the browser keeps that "
        "quoted text as it is and sends it back, and Flask decodes it again.",
    ),
    "set_secure_cookie": Lesson(
        "/set-secure-cookie",
        "Secure over plain http, on loopback only",
        "This response sets secure_cookie_name with Secure, over plain http. Browsers treat "
        "127.0.0.1 and localhost as secure contexts, so they keep and send it here; on any "
        "other plain-http host they would refuse it.",
    ),
}


@bp.route("/set-httponly-cookie")
def set_httponly_cookie():
    response = make_response()
    if not broken("httponly-cookie-not-set"):
        response.set_cookie(
            "httponly_cookie_name",
            "httponly_cookie_value",
            httponly=not broken("httponly-missing"),
        )
    response.set_cookie(
        "script_cookie_name", "script_cookie_value", httponly=broken("httponly-on-script-cookie")
    )
    return render_page(response)


def _filler(name, name_value_bytes):
    return "x" * (name_value_bytes - len(name))


@bp.route("/set-oversized-cookies")
def set_oversized_cookies():
    response = make_response()
    # Werkzeug warns rather than refuses; catch the warnings to show them on the page.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, size in (
            (KEPT_SIZE_COOKIE, BROWSER_NAME_VALUE_LIMIT),
            (DROPPED_SIZE_COOKIE, BROWSER_NAME_VALUE_LIMIT + 1),
        ):
            response.set_cookie(name, _filler(name, size))
    return render_page(response, server_warnings=[str(w.message) for w in caught])


@bp.route("/set-capped-cookies")
def set_capped_cookies():
    overlong = current_app.config["OVERLONG_MAX_AGE"]
    response = make_response()
    response.set_cookie(
        "capped_expires_cookie",
        "capped_expires_value",
        expires=datetime.now(UTC) + overlong,
    )
    response.set_cookie("capped_max_age_cookie", "capped_max_age_value", max_age=overlong)
    return render_page(response)


@bp.route("/set-expires-cookie")
def set_expires_cookie():
    response = make_response()
    response.set_cookie(
        "expires_cookie_name",
        "expires_cookie_value",
        expires=datetime.now(UTC) + EXPIRES_IN,
    )
    return render_page(response)


@bp.route("/expire-with-past-date")
def expire_with_past_date():
    response = make_response()
    response.set_cookie("expires_cookie_name", "expires_cookie_value", expires=LONG_AGO)
    return render_page(response)


@bp.route("/set-samesite-cookies")
def set_samesite_cookies():
    response = make_response()
    response.set_cookie("samesite_unset_cookie", "samesite_unset_value")
    response.set_cookie("samesite_lax_cookie", "samesite_lax_value", samesite="Lax")
    response.set_cookie("samesite_strict_cookie", "samesite_strict_value", samesite="Strict")
    return render_page(response)


@bp.route(PATH_COOKIE_PATH + "x")
def path_cookie_lookalike():
    return render_page()


@bp.route(PATH_COOKIE_PATH.upper())
def path_cookie_other_case():
    return render_page()


@bp.route("/set-tricky-value-cookies")
def set_tricky_value_cookies():
    response = make_response()
    for name, value in TRICKY_VALUES.items():
        response.set_cookie(name, value)
    return render_page(response)


@bp.route("/set-secure-cookie")
def set_secure_cookie():
    response = make_response()
    response.set_cookie("secure_cookie_name", "secure_cookie_value", secure=True)
    return render_page(response)
