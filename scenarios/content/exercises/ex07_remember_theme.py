"""Remember the theme across a browser restart.

You will see /save/dark store the theme for 30 days, with its Set-Cookie header, and
/try/sepia try a theme for this session only; then the browser closes and opens again on the
same profile, like a user quitting it: the tried theme is forgotten, the saved one is still
shown.
"""

NUMBER = 7
SLUG = "remember_theme"
TRACK = "flask"
TITLE = "Remember the theme across a browser restart"

DAY = 86400


def check(lab):
    with lab.step("Visit /save/dark: the browser stores theme=dark for 30 days"):
        lab.visit("/save/dark")
        lab.expect_stored("theme", "dark")
        lab.expect_lifetime("theme", 30 * DAY, within=DAY)
        lab.expect_sent("theme", "dark", lasting=True)

    with lab.step("Visit /try/sepia, then /: this session shows the tried theme"):
        lab.visit("/try/sepia")
        lab.visit("/")
        lab.expect_heading("Theme: sepia")

    with lab.step("Close the browser and start it again on the same profile"):
        lab.restart()
        lab.visit("/")

    with lab.step("The session cookie is gone; the saved theme is sent and shown"):
        lab.expect_not_carried("trial_theme")
        lab.expect_carried("theme", "dark")
        lab.expect_heading("Theme: dark")
