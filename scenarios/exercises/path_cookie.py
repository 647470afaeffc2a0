"""A cookie restricted to a path.

You will see /account/login store the cookie account for the path /account only: the
browser sends it to /account/settings, but not to / nor to the look-alike /accounting.
"""


def check(lab):
    with lab.step("Visit /account/login: the browser stores account for the path /account"):
        lab.visit("/account/login")
        cookie = lab.expect_stored("account", "ada")
        lab.check(
            cookie.path == "/account",
            f"expected account to be stored for the path /account, but it is stored for "
            f"{cookie.path}",
        )

    with lab.step("Visit /account/settings: inside the path, the cookie is sent"):
        lab.visit("/account/settings")
        lab.expect_carried("account", "ada")

    for outside in ("/", "/accounting"):
        with lab.step(f"Visit {outside}: outside the path, the cookie is not sent"):
            lab.visit(outside)
            lab.expect_not_carried("account")
