"""A session cookie ends with the browser session; a cookie with a Max-Age outlives it.

You will see both cookies carried, then the browser close and open again on the same
profile, like a user quitting and relaunching it: the session cookie is gone, the 400-day
cookie is still carried.
"""

NAME = "session-restart"


def run(lab):
    with lab.step(
        "Set a session cookie and a 400-day cookie; both are carried",
        about=("cookie_name", "long_cookie_name"),
    ):
        lab.visit("/set-cookie")
        lab.visit("/set-long-lasting-cookie")
        lab.visit("/")
        lab.expect_carried("cookie_name")
        lab.expect_carried("long_cookie_name")

    with lab.step(
        "Close the browser and start it again on the same profile",
        about=("cookie_name", "long_cookie_name"),
    ):
        lab.restart()
        lab.visit("/")
        # The new browser reached the lab page: what it carried is read in the steps below.
        lab.page.carried()
        lab.look_at("received-cookies")

    with lab.step(
        "The session cookie is gone: the new session never carries cookie_name", about="cookie_name"
    ):
        lab.expect_not_carried("cookie_name")

    with lab.step(
        "The 400-day cookie survived the restart and is still carried", about="long_cookie_name"
    ):
        lab.expect_carried("long_cookie_name", "long_cookie_value")
