"""A cookie restricted to a path.

You will see /account/login store the cookie account for the path /account only: the
browser sends it to /account/settings, but not to / nor to the look-alike /accounting.
"""

NUMBER = 5
SLUG = "path_cookie"
TRACK = "flask"
TITLE = "A cookie restricted to a path"


def check(lab):
    with lab.step("Visit /account/login: it sends account with Path=/account, and it is stored"):
        lab.visit("/account/login")
        # The header first: a Path the browser cannot use (path="account", no leading slash)
        # makes it fall back to the page's folder, which happens to be /account too.
        header = lab.page.set_cookie_header("account")
        path = _attribute(header, "Path")
        why = "" if path is None or path.startswith("/") else " (a path must start with /)"
        lab.check(
            path == "/account",
            f"expected /account/login to send account with Path=/account, but it sent "
            f"Set-Cookie: {header}{why}",
        )
        cookie = lab.expect_stored("account", "ada")
        lab.check(
            cookie.path == "/account",
            f"expected account to be stored for the path /account, but it is stored for "
            f"{cookie.path}",
        )

    with lab.step("Visit /account/settings: inside the path, the cookie is sent"):
        lab.visit("/account/settings")
        lab.expect_carried("account", "ada")

    for outside in ("/", "/accounting"):
        with lab.step(f"Visit {outside}: outside the path, the cookie is not sent"):
            lab.visit(outside)
            lab.expect_not_carried("account")


def _attribute(header, name):
    """The value of attribute ``name`` in a Set-Cookie header; None when it has none."""
    for part in header.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == name.lower():
            return value
    return None
