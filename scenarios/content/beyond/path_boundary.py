"""A cookie's path matches whole path segments, letter for letter.

You will see path_cookie_name, set with Path=/set-path-cookie, carried to
/set-path-cookie/x but not to /set-path-cookiex, which only starts with the same letters (the
next character must be a /), nor to /SET-PATH-COOKIE: path matching is case-sensitive.
"""

NAME = "path-boundary"


def run(lab):
    with lab.step(
        "Visit /set-path-cookie: it sets path_cookie_name with Path=/set-path-cookie",
        about="path_cookie_name",
    ):
        lab.visit("/set-path-cookie")
        header = lab.page.set_cookie_header("path_cookie_name")
        lab.check(
            header.endswith("Path=/set-path-cookie"),
            f"expected the response to set path_cookie_name for /set-path-cookie, but it sent "
            f"{header}",
        )

    with lab.step(
        "/set-path-cookie/x: after the path comes a /, so it is carried", about="path_cookie_name"
    ):
        lab.visit("/set-path-cookie/x")
        lab.expect_carried("path_cookie_name", "path_cookie_value")

    with lab.step(
        "/set-path-cookiex: the same letters, then an x, not a /: not carried",
        about="path_cookie_name",
    ):
        lab.visit("/set-path-cookiex")
        lab.expect_not_carried("path_cookie_name")

    with lab.step(
        "/SET-PATH-COOKIE: the same path in capitals is another path: not carried",
        about="path_cookie_name",
    ):
        lab.visit("/SET-PATH-COOKIE")
        lab.expect_not_carried("path_cookie_name")
