"""An HttpOnly cookie page scripts cannot read.

You will see /login store the cookie session_token marked HttpOnly; /profile, on the
server, reads it and says you are signed in, while the page's own script, reading
document.cookie, finds nothing of it.
"""

NUMBER = 8
SLUG = "httponly_cookie"
TRACK = "flask"
TITLE = "An HttpOnly cookie page scripts cannot read"


def check(lab):
    with lab.step("Visit /login: the browser stores session_token, marked HttpOnly"):
        lab.visit("/login")
        cookie = lab.expect_stored("session_token")
        lab.check(
            cookie.http_only,
            "expected session_token to be stored HttpOnly, but it is not: "
            "any script on the page can read it",
        )

    with lab.step("Visit /profile: the server reads session_token and signs you in"):
        lab.visit("/profile")
        lab.expect_carried("session_token")
        lab.expect_heading("You are signed in.")

    with lab.step("On the same page, document.cookie shows scripts nothing of it"):
        seen = lab.driver.execute_script("return document.cookie")
        lab.check(
            "session_token" not in seen,
            f"expected page scripts not to see session_token, but document.cookie is {seen!r}",
        )
