"""The 400-day cap holds for Expires as well as Max-Age, and Max-Age may be a timedelta.

You will see /set-capped-cookies ask for 500 days twice: capped_expires_cookie with an Expires
date, capped_max_age_cookie with max_age=timedelta(days=500), which Flask sends as
Max-Age=43200000 seconds. The browser stores both to expire 400 days from now.
"""

NAME = "400-day-cap"

ASKED, CAP = 500, 400


def run(lab):
    with lab.step(
        "Visit /set-capped-cookies: Expires for one, Max-Age from a timedelta for the other",
        about="capped_expires_cookie",
    ):
        lab.visit("/set-capped-cookies")
        expires_only = lab.page.set_cookie_header("capped_expires_cookie")
        lab.check(
            "Expires=" in expires_only and "Max-Age" not in expires_only,
            f"expected capped_expires_cookie with Expires alone, but got {expires_only}",
        )

    with lab.step(
        f"Flask turned timedelta(days={ASKED}) into Max-Age={ASKED * 86400} seconds",
        about="capped_max_age_cookie",
    ):
        max_age = lab.page.set_cookie_header("capped_max_age_cookie")
        lab.check(
            f"Max-Age={ASKED * 86400};" in max_age,
            f"expected capped_max_age_cookie to carry Max-Age={ASKED * 86400}, but got {max_age}",
        )

    for name in ("capped_expires_cookie", "capped_max_age_cookie"):
        with lab.step(f"The browser caps {name} at {CAP} days, not {ASKED}", about=name):
            lab.expect_expires_in(name, CAP)
