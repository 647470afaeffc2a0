"""Set a cookie.

You will see the browser visit /bake, whose response must give it the cookie
flavour=chocolate-chip with its Set-Cookie header, a session cookie, then visit / and send
that cookie back, which / need not set again.
"""

NUMBER = 1
SLUG = "set_a_cookie"
TRACK = "flask"
TITLE = "Set a cookie"


def check(lab):
    with lab.step("Visit /bake: its response gives the browser a cookie"):
        lab.visit("/bake")
        lab.expect_stored("flavour", "chocolate-chip")
        # A script in the page, or a redirect to another route, stores it as well: the
        # lesson is the response header.
        lab.expect_sent("flavour", "chocolate-chip", lasting=False)

    with lab.step("Visit /: the browser sends flavour=chocolate-chip back"):
        lab.visit("/")
        lab.expect_carried("flavour", "chocolate-chip")
        lab.expect_not_sent("flavour", "only /bake gives it; the browser sends it back by itself")
