"""Count visits in a cookie.

You will see / visited three times: the first request carries no visits cookie, and each
response stores one more with its Set-Cookie header, so the page counts 1, 2, 3; then a count
the browser holds though the app never sent it, visits=41, which the page follows to 42.
"""

NUMBER = 3
SLUG = "visit_counter"
TRACK = "flask"
TITLE = "Count visits in a cookie"


def check(lab):
    with lab.step("The first visit to / carries no visits cookie and counts 1"):
        lab.visit("/")
        lab.expect_not_carried("visits")
        lab.expect_heading("This is visit number 1.")
        lab.expect_stored("visits", "1")
        lab.expect_sent("visits", "1")

    for visit in (2, 3):
        with lab.step(f"Visit {visit} carries visits={visit - 1} and counts {visit}"):
            lab.visit("/")
            lab.expect_carried("visits", str(visit - 1))
            lab.expect_heading(f"This is visit number {visit}.")
            lab.expect_stored("visits", str(visit))
            lab.expect_sent("visits", str(visit))

    # A count kept on the server, or by a script in the page, would not follow the cookie.
    with lab.step("The browser holds visits=41, which your app never sent: / counts 42"):
        lab.plant("visits", "41")
        lab.visit("/")
        lab.expect_carried("visits", "41")
        lab.expect_heading(
            "This is visit number 42.",
            why="the count must come from the cookie the request carried",
        )
        lab.expect_sent("visits", "42")
