"""Setting a cookie again with the same name replaces its value.

You will see cookie_name carried as cookie_value, then /update-cookie set the same name at
the same path, and from the next request on the browser carries only the new value.
"""

NAME = "update"


def run(lab):
    with lab.step(
        "Set cookie_name at /set-cookie; the next request carries cookie_value", about="cookie_name"
    ):
        lab.visit("/set-cookie")
        lab.visit("/")
        lab.expect_carried("cookie_name", "cookie_value")

    with lab.step(
        "Visit /update-cookie: its response sets cookie_name again, with a new value",
        about="cookie_name",
    ):
        lab.visit("/update-cookie")
        lab.expect_carried("cookie_name", "cookie_value")

    with lab.step(
        "The next request carries the new value, and only one cookie_name", about="cookie_name"
    ):
        lab.visit("/")
        lab.expect_carried("cookie_name", "updated_cookie_value")
        same_name = [c for c in lab.jar.all() if c.name == "cookie_name"]
        lab.check(
            len(same_name) == 1,
            f"expected one cookie_name in the browser's store, but it holds {len(same_name)}",
        )
