"""A cookie set by a response is carried from the next request on.

You will see the first visit to /set-cookie come back with an empty table: that request was
sent before the cookie existed. The response sets it, the browser stores it at once, and the
second visit carries it to the server.
"""

NAME = "second-request"


def run(lab):
    with lab.step(
        "Visit /set-cookie for the first time: the request carries no cookie_name",
        about="cookie_name",
    ):
        lab.visit("/set-cookie")
        lab.expect_not_carried("cookie_name")

    with lab.step(
        "The response set it: the browser's cookie store already holds cookie_name",
        about="cookie_name",
    ):
        # Read where we stand: another visit would be the second request itself.
        lab.expect_stored("cookie_name", "cookie_value", here=True)

    with lab.step(
        "Visit /set-cookie again: this second request carries cookie_name", about="cookie_name"
    ):
        lab.visit("/set-cookie")
        lab.expect_carried("cookie_name", "cookie_value")
