"""Deleting a cookie means matching its name and its path.

You will see every tutorial cookie set, then the tutorial's own deletion (by name alone)
leave the path cookie alive, because its deletion was sent for Path=/. The lab's
/delete-cookies deletes the path cookie at its own path, and then nothing is carried anywhere.
"""

NAME = "deletion"

COOKIES = ("cookie_name", "path_cookie_name", "expiring_cookie_name", "long_cookie_name")
SETTERS = (
    "/set-cookie",
    "/set-path-cookie",
    "/set-long-lasting-cookie",
    "/set-expiring-cookie",  # last, so it is still alive when the next step looks
)


def _set_every_cookie(lab):
    for path in SETTERS:
        lab.visit(path)
    lab.visit("/set-path-cookie")  # inside the path cookie's path, so all four are carried
    for name in COOKIES:
        lab.expect_carried(name)


def run(lab):
    with lab.step(
        "Set all four tutorial cookies: /set-path-cookie carries every one", about=COOKIES
    ):
        _set_every_cookie(lab)

    with lab.step(
        "Visit /delete-cookies-naive: the tutorial's deletion, by name alone",
        about="path_cookie_name",
    ):
        lab.visit("/delete-cookies-naive")
        # By name alone, so at Path=/: the path cookie lives at /set-path-cookie.
        header = lab.page.set_cookie_header("path_cookie_name")
        lab.check(
            "Max-Age=0" in header and header.endswith("Path=/"),
            f"expected the response to delete path_cookie_name at Path=/, but it sent {header}",
        )

    with lab.step(
        "The pitfall: the path cookie survived, still carried to /set-path-cookie",
        about="path_cookie_name",
    ):
        lab.visit("/set-path-cookie/")
        lab.expect_carried("path_cookie_name", "path_cookie_value")
        for name in ("cookie_name", "long_cookie_name"):
            lab.expect_not_carried(name)

    with lab.step(
        "Set them all again, then visit /delete-cookies, which names each path", about=COOKIES
    ):
        _set_every_cookie(lab)
        lab.visit("/delete-cookies")
        # The deletions themselves, so no cookie passes the checks below by expiring alone.
        for name in COOKIES:
            path = "/set-path-cookie" if name == "path_cookie_name" else "/"
            header = lab.page.set_cookie_header(name)
            lab.check(
                "Max-Age=0" in header and header.endswith(f"Path={path}"),
                f"expected the response to delete {name} at Path={path}, but it sent {header}",
            )

    for path in ("/", "/set-path-cookie/"):
        with lab.step(f"Nothing the lab set is carried to {path} any more", about=COOKIES):
            lab.visit(path)
            for name in COOKIES:
                lab.expect_not_carried(name)

    with lab.step("The browser's cookie store holds none of them, at any path", about=COOKIES):
        left = sorted(c.name for c in lab.jar.all() if c.name in COOKIES)
        lab.check(not left, f"expected no tutorial cookie in the store, but it holds {left}")
