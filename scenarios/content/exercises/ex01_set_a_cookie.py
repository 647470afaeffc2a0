"""Set a cookie.

You will see the browser visit /bake, whose response must give it the cookie
flavour=chocolate-chip, then visit / and send that cookie back.
"""

NUMBER = 1
SLUG = "set_a_cookie"
TRACK = "flask"
TITLE = "Set a cookie"


def check(lab):
    with lab.step("Visit /bake: its response gives the browser a cookie"):
        lab.visit("/bake")
        lab.expect_stored("flavour", "chocolate-chip")

    with lab.step("Visit /: the browser sends flavour=chocolate-chip back"):
        lab.visit("/")
        lab.expect_carried("flavour", "chocolate-chip")
