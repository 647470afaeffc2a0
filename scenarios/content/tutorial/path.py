"""A cookie with a Path is carried only to that path and the paths below it.

You will see path_cookie_name set with Path=/set-path-cookie, then carried to
/set-path-cookie, /set-path-cookie/ and /set-path-cookie/anything, and never to / or to
/set-path-cookie-alternate, which only starts with the same letters. A cookie set without a
Path gets Path=/ and is carried everywhere.
"""

NAME = "path"

CARRIED_TO = ("/set-path-cookie", "/set-path-cookie/", "/set-path-cookie/anything")
NOT_CARRIED_TO = ("/", "/set-path-cookie-alternate")


def run(lab):
    with lab.step(
        "Visit /set-path-cookie: its response sets path_cookie_name for that path",
        about="path_cookie_name",
    ):
        lab.visit("/set-path-cookie")
        lab.expect_not_carried("path_cookie_name")

    for path in CARRIED_TO:
        with lab.step(
            f"{path} lies inside the cookie's path: it is carried there", about="path_cookie_name"
        ):
            lab.visit(path)
            lab.expect_carried("path_cookie_name", "path_cookie_value")

    for path in NOT_CARRIED_TO:
        with lab.step(
            f"{path} lies outside the cookie's path: it is not carried there",
            about="path_cookie_name",
        ):
            lab.visit(path)
            lab.expect_not_carried("path_cookie_name")

    with lab.step(
        "A cookie set without a Path gets Path=/ and is carried to every route", about="cookie_name"
    ):
        lab.visit("/set-cookie")
        stored = lab.expect_stored("cookie_name")
        lab.check(
            stored.path == "/",
            f"expected cookie_name to be stored with Path=/, but it has Path={stored.path}",
        )
        for path in ("/", "/set-path-cookie-alternate", "/set-path-cookie/anything"):
            lab.visit(path)
            lab.expect_carried("cookie_name", "cookie_value")
        lab.expect_carried("path_cookie_name")

    with lab.step(
        "Sending cookies costs bytes: / is spared the path cookie's share",
        about="path_cookie_name",
        shows="#cookie-header-bytes",
    ):
        inside = lab.page.cookie_header_bytes()
        lab.visit("/")
        outside = lab.page.cookie_header_bytes()
        share = len("path_cookie_name=path_cookie_value; ")
        # Both figures on the screen that compares them: the first page is gone by now.
        lab.note(
            f"The Cookie header took {inside} bytes under /set-path-cookie/anything and "
            f"{outside} bytes at /: {inside - outside} bytes spared"
        )
        lab.check(
            inside - outside == share,
            f"expected the Cookie header at / to be {share} bytes smaller than under "
            f"/set-path-cookie, but it is {inside} bytes there and {outside} here",
        )
