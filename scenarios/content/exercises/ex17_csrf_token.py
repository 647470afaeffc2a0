"""A transfer that another site's form cannot make: SameSite and a CSRF token.

You will see /login on lab.localhost store session_id, and the app's own form on /transfer,
which carries a hidden csrf_token, make a transfer. Then a form on other.localhost posts a
transfer: session_id (SameSite=Lax) stays home, and it is refused. Last, a form on
sub.lab.localhost, a sibling on the same site, posts one with a forged token: the cookie
goes along, as SameSite allows, and the token alone refuses it.
"""

from scenarios.core.errors import CheckFailed

NUMBER = 17
SLUG = "csrf_token"
TRACK = "flask"
TITLE = "A transfer another site's form cannot make"
# Its lesson is the lab on two sites (lab.localhost, other.localhost): not through a Grid.
NEEDS_SITES = True

DONE = "Transfer done."
FORGED = {"amount": "1000", "csrf_token": "forged-token"}


def check(lab):
    with lab.step("Visit /login on lab.localhost: the browser stores session_id"):
        lab.visit(lab.lab_site_url("/login"))
        lab.expect_stored("session_id")

    with lab.step("Visit /transfer: its form carries a hidden csrf_token", shows="form"):
        lab.visit(lab.lab_site_url("/transfer"))
        token = lab.driver.find_elements("css selector", 'form input[name="csrf_token"]')
        lab.check(
            token and token[0].get_attribute("value"),
            "expected the form on /transfer to carry a hidden input named csrf_token with a "
            "value, but it has none: the token is what another site's page cannot read",
        )

    with lab.step("Send that form: your own transfer, with its token, is made"):
        buttons = lab.driver.find_elements("css selector", 'form button, form input[type="submit"]')
        lab.check(
            buttons, "expected the form on /transfer to have a submit button, but it has none"
        )
        buttons[0].click()
        own = lab.wait_until(
            lambda: _posted(lab),
            timeout=lab.config.page_load_seconds,
            poll=0.05,
            message="expected the form on /transfer to post to /transfer, but it never did",
        )
        if own.error is not None:
            raise CheckFailed(f"expected your app to answer its own form's POST, but {own.error}")
        said = lab.heading_of(own)
        lab.check(
            said == DONE,
            f'expected your app to answer its own form\'s POST with "{DONE}" in its <h1>, but '
            f"it said {said!r}: does it check the token it put in the form, against the same "
            "session's?",
        )

    with lab.step("A form on other.localhost posts a transfer: it is refused"):
        received = lab.arrive_from("other.localhost", "/transfer", form=FORGED)
        lab.check(
            "session_id" not in received.cookies,
            "expected the form from other.localhost not to carry session_id, but it did: a "
            "cookie without SameSite goes along with another site's POST for its first 2 "
            "minutes (and SameSite=None always): set SameSite=Lax",
        )
        _refused(lab, received, "cross-site", "other.localhost")

    with lab.step("A form on sub.lab.localhost (same site) posts a forged token: refused"):
        received = lab.arrive_from("sub.lab.localhost", "/transfer", form=FORGED)
        lab.check(
            "session_id" in received.cookies,
            "expected the form from sub.lab.localhost, a page of the same site, to carry "
            "session_id, but it did not",
        )
        _refused(lab, received, "same-site", "sub.lab.localhost")


def _posted(lab):
    """The app's exchange for the form's own POST, once it has one."""
    exchange = lab.recorder.last.get("/transfer")
    ours = exchange and exchange.method == "POST" and exchange.fetch_site == "same-origin"
    return exchange if ours else None


def _refused(lab, received, fetch_site, site):
    lab.note(f"POST, Sec-Fetch-Site: {received.fetch_site or '(not sent)'}")
    lab.check(
        received.fetch_site == fetch_site,
        f"expected the browser to send the POST with Sec-Fetch-Site: {fetch_site}, but it "
        f"said {received.fetch_site or 'nothing'}",
    )
    said = lab.heading_of(received)
    if said != DONE:
        return
    why = (
        "check that the form's csrf_token is the one your app gave this session"
        if "session_id" in received.cookies
        else "it made the transfer for a request that carried no session_id"
    )
    lab.check(
        False,
        f"expected your app to refuse the transfer posted from {site} with the token "
        f'"{FORGED["csrf_token"]}", but it answered "{DONE}": {why}',
    )
