"""The tutorial's routes, plus the few the lab adds to make each behaviour observable."""

from flask import Blueprint, current_app, make_response, redirect, request, url_for

from lab_app.broken import WRONG_EXPIRY, WRONG_SESSION_MAX_AGE, broken, first_visit
from lab_app.page import Lesson, render_page

bp = Blueprint("tutorial", __name__)

PATH_COOKIE_PATH = "/set-path-cookie"
# Not below PATH_COOKIE_PATH, though it starts with the same letters.
LOOKALIKE_PATH = "/set-path-cookie-alternate"

# A page under every path the lab's cookies live at, for a browser that sees only the cookies
# of the page it shows (WebDriver without DevTools). "/set-path-cookie/" lies inside the path
# cookie's path and, unlike "/set-path-cookie", sets nothing: reading the jar must not fill it.
COOKIE_PATHS = ("/", PATH_COOKIE_PATH + "/")

LESSONS = {
    "read_cookies": Lesson(
        "/",
        "Read every cookie",
        "This route sets nothing. It shows every cookie your browser chose to send with "
        "this request, read on the server from request.cookies.",
    ),
    "set_cookie": Lesson(
        "/set-cookie",
        "Set a session cookie",
        "This response sets cookie_name. The request that asked for this page was sent "
        "before the cookie existed, so the table below shows it only from your next request.",
    ),
    "update_cookie": Lesson(
        "/update-cookie",
        "Update a cookie",
        "Setting a cookie with a name the browser already holds (same path, same host) "
        "replaces its value: cookie_name becomes updated_cookie_value.",
    ),
    "set_path_cookie": Lesson(
        PATH_COOKIE_PATH,
        "Set a path cookie",
        "This response sets path_cookie_name with Path=/set-path-cookie. The browser sends "
        "it only to that path and the paths below it, never to / or to look-alike paths.",
    ),
    "under_path_cookie": Lesson(
        PATH_COOKIE_PATH + "/anything",
        "Inside the cookie's path",
        "This route sets nothing. It lies under /set-path-cookie, so the path cookie is "
        "carried here.",
    ),
    "path_cookie_alternate": Lesson(
        LOOKALIKE_PATH,
        "A look-alike path",
        "This route sets nothing. Its path starts with the same letters as "
        "/set-path-cookie but is not below it, so the path cookie is not carried here.",
    ),
    "set_expiring_cookie": Lesson(
        "/set-expiring-cookie",
        "Set an expiring cookie",
        "This response sets expiring_cookie_name with a Max-Age. The browser carries it "
        "until that many seconds have passed, then drops it, even with the browser still open.",
    ),
    "set_long_lasting_cookie": Lesson(
        "/set-long-lasting-cookie",
        "Set a 400-day cookie",
        "This response sets long_cookie_name with a Max-Age of 400 days, the longest a "
        "browser keeps any cookie. It survives a browser restart; a session cookie does not.",
    ),
    "set_overlong_cookie": Lesson(
        "/set-overlong-cookie",
        "Ask for more than 400 days",
        "This response asks for overlong_cookie_name to live 500 days. Browsers cap every "
        "cookie's lifetime at 400 days, so the browser stores it with a 400-day expiry.",
    ),
    "delete_cookies": Lesson(
        "/delete-cookies",
        "Delete every cookie",
        "This response expires each cookie the lab sets. A deletion matches a cookie by "
        "name and path, so the path cookie is deleted with Path=/set-path-cookie.",
    ),
    "delete_cookies_naive": Lesson(
        "/delete-cookies-naive",
        "Delete the tutorial's way (pitfall)",
        "This response deletes each cookie by name alone, as the tutorial does. Without "
        "path=, the deletion targets Path=/, so the path cookie stays alive.",
    ),
}


@bp.route("/")
def read_cookies():
    carried = request.cookies
    if broken("session-restored-by-long-cookie") and (
        "long_cookie_name" in carried and "cookie_name" not in carried
    ):
        # A "remember me" that restores the session on the way in: after a restart the page the
        # browser ends on carries cookie_name again.
        return _redirect_setting("cookie_name", "cookie_value")
    if broken("expiry-renewed-on-read") and "expiring_cookie_name" in carried:
        response = make_response()
        seconds = current_app.config["EXPIRY_SECONDS"]
        response.set_cookie("expiring_cookie_name", "expiring_cookie_value", max_age=seconds)
        return render_page(response)
    return render_page()


def _redirect_setting(name, value):
    """A redirect to / that sets ``name``: the page the browser ends on already carries it."""
    response = redirect(url_for(".read_cookies"))
    response.set_cookie(name, value)
    return response


@bp.route("/set-cookie")
def set_cookie():
    if broken("set-cookie-redirects"):
        return _redirect_setting("cookie_name", "cookie_value")
    response = make_response()
    if broken("set-cookie-sets-nothing"):
        return render_page(response)
    if broken("set-on-second-visit") and first_visit("set_cookie"):
        return render_page(response)
    path, max_age = "/", None
    if broken("session-cookie-own-path"):
        path = "/set-cookie"
    if broken("session-cookie-persists"):
        max_age = WRONG_SESSION_MAX_AGE
    name = "cookie-name" if broken("set-cookie-misnamed") else "cookie_name"
    response.set_cookie(name, "cookie_value", path=path, max_age=max_age)
    return render_page(response)


@bp.route("/update-cookie")
def update_cookie():
    response = make_response()
    if broken("update-only-if-missing") and "cookie_name" in request.cookies:
        return render_page(response)
    name, value, path = "cookie_name", "updated_cookie_value", "/"
    if broken("update-sets-new-name"):
        name = "updated_cookie_name"
    if broken("update-keeps-value"):
        value = "cookie_value"
    if broken("update-adds-second-cookie"):
        path = "/update-cookie"
    response.set_cookie(name, value, path=path)
    return render_page(response)


@bp.route(PATH_COOKIE_PATH)
def set_path_cookie():
    response = make_response()
    path = PATH_COOKIE_PATH
    if broken("path-cookie-at-root"):
        path = "/"
    if broken("path-cookie-trailing-slash"):
        path = PATH_COOKIE_PATH + "/"
    response.set_cookie("path_cookie_name", "path_cookie_value", path=path)
    if broken("path-cookie-on-lookalike"):
        response.set_cookie("path_cookie_name", "path_cookie_value", path=LOOKALIKE_PATH)
    return render_page(response)


@bp.route(PATH_COOKIE_PATH + "/", defaults={"anything": ""})
@bp.route(PATH_COOKIE_PATH + "/<path:anything>")
def under_path_cookie(anything):
    return render_page()


@bp.route(LOOKALIKE_PATH)
def path_cookie_alternate():
    return render_page()


@bp.route("/set-expiring-cookie")
def set_expiring_cookie():
    seconds = current_app.config["EXPIRY_SECONDS"]
    max_age = seconds
    if broken("expiry-never"):
        max_age = None
    if broken("expiry-60s"):
        max_age = WRONG_EXPIRY
    if broken("expiry-at-once"):
        max_age = 0
    response = make_response()
    response.set_cookie("expiring_cookie_name", "expiring_cookie_value", max_age=max_age)
    # The page counts down the real lifetime even in a broken lab: the test must notice.
    return render_page(response, countdown_seconds=seconds)


@bp.route("/set-long-lasting-cookie")
def set_long_lasting_cookie():
    max_age = current_app.config["LONG_MAX_AGE"]
    if broken("long-cookie-session-only"):
        max_age = None
    response = make_response()
    response.set_cookie("long_cookie_name", "long_cookie_value", max_age=max_age)
    return render_page(response)


@bp.route("/set-overlong-cookie")
def set_overlong_cookie():
    response = make_response()
    response.set_cookie(
        "overlong_cookie_name",
        "overlong_cookie_value",
        max_age=current_app.config["OVERLONG_MAX_AGE"],
    )
    return render_page(response)


# The names the tutorial's own deletion route expires, in its order.
TUTORIAL_COOKIE_NAMES = (
    "cookie_name",
    "path_cookie_name",
    "expiring_cookie_name",
    "long_cookie_name",
)


@bp.route("/delete-cookies")
def delete_cookies():
    response = make_response()
    for name in TUTORIAL_COOKIE_NAMES + ("overlong_cookie_name",):
        if name == "long_cookie_name" and broken("delete-keeps-long-cookie"):
            continue
        # A deletion replaces the cookie with the same name *and* path; the path cookie
        # lives at /set-path-cookie, so a deletion at the default "/" would miss it.
        path = PATH_COOKIE_PATH if name == "path_cookie_name" else "/"
        if broken("delete-by-name-only"):
            path = "/"
        response.delete_cookie(name, path=path)
    return render_page(response)


@bp.route("/delete-cookies-naive")
def delete_cookies_naive():
    response = make_response()
    for name in TUTORIAL_COOKIE_NAMES:
        response.delete_cookie(name)
    return render_page(response)
