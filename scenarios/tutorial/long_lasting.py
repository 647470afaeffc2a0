"""The longest a browser keeps a cookie is 400 days.

You will see /set-long-lasting-cookie store long_cookie_name with an expiry 400 days from
now, then /set-overlong-cookie ask for 500 days and the browser quietly store 400 instead.
"""

NAME = "long-lasting"


def run(lab):
    with lab.step("Visit /set-long-lasting-cookie: it asks for a Max-Age of 400 days"):
        lab.visit("/set-long-lasting-cookie")

    with lab.step("The browser stores long_cookie_name to expire 400 days from now"):
        days = lab.days_to_expiry("long_cookie_name")
        lab.check(
            abs(days - 400) < 1,
            f"expected long_cookie_name to expire in 400 days, but it expires in {days:.1f}",
        )

    with lab.step("Visit /set-overlong-cookie: it asks for 500 days"):
        lab.visit("/set-overlong-cookie")

    with lab.step("The browser caps it: overlong_cookie_name expires in 400 days, not 500"):
        days = lab.days_to_expiry("overlong_cookie_name")
        lab.check(
            abs(days - 400) < 1,
            f"expected the browser to cap overlong_cookie_name at 400 days, "
            f"but it expires in {days:.1f} days",
        )
