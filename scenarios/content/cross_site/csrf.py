"""CSRF: another site's form posts to the lab's bank; SameSite and a CSRF token stop it.

You will see lab.localhost's /cross-site/bank log you in with three session cookies, and
its own form (with its CSRF token) make a transfer. Then a page on other.localhost posts
its own transfer form to the bank: to /transfer/unguarded the attack works, for Chromium
sends bank_session_unset (no SameSite, set under 2 minutes ago) along; to /transfer/lax it
fails, for bank_session_lax (SameSite=Lax) stays home; to /transfer/token it fails although
bank_session goes along, for the attacker's page cannot read the token.
"""

from scenarios.content.cross_site.sites import LAB, OTHER, expect_came_from, follow

NAME = "csrf"
# Its lesson is two sites on this machine's loopback: lab.localhost and other.localhost.
NEEDS_SITES = True

SESSIONS = ("bank_session_unset", "bank_session_lax", "bank_session")


def _transfer_made(lab, expected):
    """The bank's page says whether it made the transfer: ``expected`` is yes or no."""
    outcome = lab.driver.find_element("id", "transfer-outcome")
    lab.note(f"The bank says: {outcome.text}")
    lab.check(
        outcome.get_attribute("data-done") == expected,
        f"expected the transfer {'made' if expected == 'yes' else 'refused'}, but the bank "
        f"says: {outcome.text}",
    )


def _attack(lab, guard):
    lab.visit(lab.site_url(OTHER, "/cross-site/attacker"))
    follow(lab, f"attack-{guard}-button", f"/cross-site/transfer/{guard}")
    expect_came_from(lab, "cross-site")


def run(lab):
    with lab.step(
        "Log in at lab.localhost's bank: three session cookies, two without SameSite (the "
        "jar calls that Lax) and one Lax; the form of the third carries a CSRF token",
        about=SESSIONS,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/bank"))
        for name in SESSIONS:
            lab.page.set_cookie_header(name)

    with lab.step(
        "The bank's own form, with its CSRF token, makes a transfer",
        about="bank_session",
        shows="#transfer-outcome",
    ):
        follow(lab, "bank-transfer-button", "/cross-site/transfer/token")
        expect_came_from(lab, "same-origin")
        _transfer_made(lab, "yes")

    with lab.step(
        "other.localhost posts to /transfer/unguarded: bank_session_unset, set without "
        "SameSite under 2 minutes ago, goes along, and the attack works",
        about="bank_session_unset",
        shows="#transfer-outcome",
    ):
        _attack(lab, "unguarded")
        lab.expect_carried("bank_session_unset")
        _transfer_made(lab, "yes")

    with lab.step(
        "It posts to /transfer/lax: bank_session_lax stays home, the attack fails",
        about="bank_session_lax",
        shows="#transfer-outcome",
    ):
        _attack(lab, "lax")
        lab.expect_not_carried("bank_session_lax")
        _transfer_made(lab, "no")

    with lab.step(
        "It posts to /transfer/token: bank_session goes along, but no CSRF token: it fails",
        about="bank_session",
        shows="#transfer-outcome",
    ):
        _attack(lab, "token")
        lab.expect_carried("bank_session")
        _transfer_made(lab, "no")
