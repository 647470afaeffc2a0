"""Count visits in a cookie.

You will see / visited three times: the first request carries no visits cookie, and each
response stores one more, so the page counts 1, 2, 3.
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

    for visit in (2, 3):
        with lab.step(f"Visit {visit} carries visits={visit - 1} and counts {visit}"):
            lab.visit("/")
            lab.expect_carried("visits", str(visit - 1))
            lab.expect_heading(f"This is visit number {visit}.")
            lab.expect_stored("visits", str(visit))
