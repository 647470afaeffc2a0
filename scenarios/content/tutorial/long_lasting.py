"""The longest a browser keeps a cookie is 400 days.

You will see /set-long-lasting-cookie store long_cookie_name with an expiry 400 days from
now, then /set-overlong-cookie ask for 500 days and the browser quietly store 400 instead.
"""

NAME = "long-lasting"


def _expect_max_age(lab, name, days):
    """The response asks for ``days`` days, as its Set-Cookie line says."""
    header = lab.page.set_cookie_header(name)
    lab.check(
        f"Max-Age={days * 86400}" in header,
        f"expected the response to ask for Max-Age={days * 86400} ({days} days), but it sent "
        f"{header}",
    )


def run(lab):
    with lab.step(
        "Visit /set-long-lasting-cookie: it asks for a Max-Age of 400 days",
        about="long_cookie_name",
    ):
        lab.visit("/set-long-lasting-cookie")
        _expect_max_age(lab, "long_cookie_name", 400)

    with lab.step(
        "The browser stores long_cookie_name to expire 400 days from now", about="long_cookie_name"
    ):
        lab.expect_expires_in("long_cookie_name", 400)

    with lab.step("Visit /set-overlong-cookie: it asks for 500 days", about="overlong_cookie_name"):
        lab.visit("/set-overlong-cookie")
        _expect_max_age(lab, "overlong_cookie_name", 500)

    with lab.step(
        "The browser caps it: overlong_cookie_name expires in 400 days, not 500",
        about="overlong_cookie_name",
    ):
        lab.expect_expires_in("overlong_cookie_name", 400)
