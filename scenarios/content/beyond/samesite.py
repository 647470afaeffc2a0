"""SameSite: what the browser reports without it, with Lax and with Strict, and what it means.

You will see /set-samesite-cookies set samesite_unset_cookie without SameSite,
samesite_lax_cookie with SameSite=Lax and samesite_strict_cookie with SameSite=Strict.
Chromium reports Lax for the one set without it (Firefox reports None). Typed into the
address bar, the lab carries all three; reached by a link from http://localhost, another
site, it carries the Lax ones and leaves the Strict one at home.
"""

NAME = "samesite"
# It uses the loopback's two names: a browser on another machine reaches neither.
NEEDS_LOOPBACK = True

COOKIES = {
    "samesite_unset_cookie": None,
    "samesite_lax_cookie": "Lax",
    "samesite_strict_cookie": "Strict",
}
# What WebDriver reports for a cookie set without SameSite: browsers disagree.
REPORTED_WHEN_UNSET = {"chromium": "Lax", "firefox": "None"}


def _follow_link_from_other_site(lab, path):
    """Open the lab under its other loopback name, then follow a link back to ``path``."""
    target = lab.url(path)
    lab.visit(lab.twin_url("/"))
    link = lab.driver.execute_script(
        "const a = document.createElement('a');"
        "a.id = 'cross-site-link'; a.href = arguments[0]; a.textContent = arguments[0];"
        "return document.body.prepend(a), a;",
        target,
    )
    link.click()
    lab.wait_until(
        lambda: lab.driver.current_url == target,
        timeout=5,
        poll=0.05,
        message=lambda: (
            f"expected the link to lead to {target}, but the browser is at {lab.driver.current_url}"
        ),
    )


def run(lab):
    unset_report = REPORTED_WHEN_UNSET[lab.config.browser]

    with lab.step(
        "Visit /set-samesite-cookies: one without SameSite, one Lax, one Strict",
        about=tuple(COOKIES),
    ):
        lab.visit("/set-samesite-cookies")
        for name, samesite in COOKIES.items():
            header = lab.page.set_cookie_header(name)
            sent = header.partition("SameSite=")[2] or None
            lab.check(
                sent == samesite,
                f"expected {name} to be sent with SameSite={samesite}, but its header is {header}",
            )

    with lab.step(
        f"{lab.browser_name} reports SameSite={unset_report} for the cookie set without it",
        about="samesite_unset_cookie",
    ):
        # WebDriver's own report, as a learner's test reads it (get_cookie): Chromium's BiDi,
        # on a Grid, says None for the same cookie.
        for name, samesite in COOKIES.items():
            reported = (lab.driver.get_cookie(name) or {}).get("sameSite")
            expected = samesite or unset_report
            lab.check(
                reported == expected,
                f"expected {lab.browser_name} to report SameSite={expected} for {name}, "
                f"but it reports {reported}",
            )

    with lab.step("A request you type (same site) carries all three", about=tuple(COOKIES)):
        lab.visit("/")
        for name in COOKIES:
            lab.expect_carried(name)

    with lab.step(
        "A link from the lab's other loopback name, another site: Strict stays home",
        about="samesite_strict_cookie",
    ):
        _follow_link_from_other_site(lab, "/")
        lab.expect_carried("samesite_unset_cookie")
        lab.expect_carried("samesite_lax_cookie")
        lab.expect_not_carried("samesite_strict_cookie")
