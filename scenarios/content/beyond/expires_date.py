"""Expires sets a cookie's expiry as a date; a date in the past deletes the cookie.

You will see /set-expires-cookie set expires_cookie_name with expires= a date 30 days ahead,
the tutorial's "deprecated" way: the browser still keeps it until that date and carries it.
Then /expire-with-past-date sets it again with a date in the year 2000, and the browser
deletes it.
"""

NAME = "expires-date"

DAYS = 30


def run(lab):
    with lab.step(
        f"Visit /set-expires-cookie: it sends an Expires date {DAYS} days ahead",
        about="expires_cookie_name",
    ):
        lab.visit("/set-expires-cookie")
        [header] = lab.page.set_cookie_headers()
        lab.check(
            "Expires=" in header and "Max-Age" not in header,
            f"expected an Expires date and no Max-Age, but the response sent {header}",
        )

    with lab.step(
        f"The browser keeps it until that date, {DAYS} days from now", about="expires_cookie_name"
    ):
        lab.expect_expires_in("expires_cookie_name", DAYS)

    with lab.step("The next request carries it", about="expires_cookie_name"):
        lab.visit("/")
        lab.expect_carried("expires_cookie_name", "expires_cookie_value")

    with lab.step(
        "Visit /expire-with-past-date: the same cookie, expiring on 1 January 2000",
        about="expires_cookie_name",
    ):
        lab.visit("/expire-with-past-date")
        [header] = lab.page.set_cookie_headers()
        lab.check(
            "Expires=Sat, 01 Jan 2000 00:00:00 GMT" in header,
            f"expected an Expires date in 2000, but the response sent {header}",
        )

    with lab.step(
        "An expiry in the past is a deletion: the cookie is gone from the store",
        about="expires_cookie_name",
    ):
        lab.expect_not_stored("expires_cookie_name")
        lab.visit("/")
        lab.expect_not_carried("expires_cookie_name")
