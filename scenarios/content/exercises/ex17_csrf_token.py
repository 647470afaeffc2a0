"""A transfer that another site's form cannot make: SameSite and a CSRF token.

You will see /login on lab.localhost store session_id, and the app's own form on /transfer,
which carries a hidden csrf_token, make a transfer. Then the attacker, as a real one would,
logs in with a browser of their own and copies every field of that form, their own token
included. A form on other.localhost posts the copy: session_id (SameSite=Lax) stays home, and
it is refused; a link there to /transfer, the transfer in its URL, arrives signed in and makes
none. A form on sub.lab.localhost, a sibling on the same site, posts the copy, then the copy
without its token: the cookie goes along, as SameSite allows, and the token alone refuses
them. Last, the app's own page sends its form with the attacker's token in place of its own:
refused too, for the token, not where the POST came from, is what is checked. Then your own
form once more: the count of transfers its page gives must be the one it gave before, plus
one; a page can say "refused" while the money moved.
"""

import re

NUMBER = 17
SLUG = "csrf_token"
TRACK = "flask"
TITLE = "A transfer another site's form cannot make"
# Its lesson is the lab on two sites (lab.localhost, other.localhost): not through a Grid.
NEEDS_SITES = True

DONE = "Transfer done."
# What a done transfer's page says after its <h1>: how many transfers the app has made.
COUNT = re.compile(r"(\d+) transfers? so far")
AMOUNT = "1000"  # what the attacker moves
OTHER, SIBLING = "other.localhost", "sub.lab.localhost"


def check(lab):
    with lab.step("Visit /login on lab.localhost: the browser stores session_id"):
        lab.visit(lab.lab_site_url("/login"))
        lab.expect_stored("session_id")

    with lab.step("Visit /transfer: its form carries a hidden csrf_token", shows="form"):
        lab.visit(lab.lab_site_url("/transfer"))
        token = lab.driver.find_elements("css selector", 'form input[name="csrf_token"]')
        ours = token and token[0].get_attribute("value")
        lab.check(
            ours,
            "expected the form on /transfer to carry a hidden input named csrf_token with a "
            "value, but it has none: the token is what another site's page cannot read",
        )

    with lab.step("Send that form: your own transfer, with its token, is made"):
        own = lab.send_form("/transfer")
        said = lab.heading_of(own)
        lab.check(
            said == DONE,
            f'expected your app to answer its own form\'s POST with "{DONE}" in its <h1>, but '
            f"it said {said!r}: does it check the token it put in the form, against the same "
            "session's?",
        )
        made = _count(lab, own)

    with lab.step("The attacker logs in with a browser of their own and copies the form"):
        forged = {**lab.attackers_form("/login", "/transfer"), "amount": AMOUNT}
        theirs = forged.get("csrf_token")
        lab.check(
            theirs,
            "expected the form your app gives a second browser (the attacker's) on /transfer to "
            "carry a csrf_token too, but it has none",
        )
        lab.note(f"the attacker's form: {', '.join(forged)}")
        lab.check(
            theirs != ours,
            f"expected the attacker's form on /transfer to carry a token of its own, but it "
            f'carries the one your page gave this browser, "{ours}": a token every browser '
            f"shares is one the attacker reads off their own page; make one per session "
            f"(secrets.token_urlsafe) and keep it in Flask's session, one per browser",
        )

    with lab.step("A form on other.localhost posts the attacker's copy: it is refused"):
        received = lab.arrive_from(OTHER, "/transfer", form=forged)
        lab.check(
            "session_id" not in received.cookies,
            "expected the form from other.localhost not to carry session_id, but it did: a "
            "cookie without SameSite goes along with another site's POST for its first 2 "
            "minutes (and SameSite=None always): set SameSite=Lax",
        )
        _refused(
            lab,
            received,
            "cross-site",
            "it made the transfer for a request that carried no session_id",
        )

    with lab.step("A link on other.localhost to /transfer?amount=1000: signed in, no transfer"):
        received = lab.arrive_from(OTHER, "/transfer", query=forged)
        _came(lab, received, "GET", "cross-site")
        lab.check(
            "session_id" in received.cookies,
            f"expected the link from other.localhost to carry session_id, but it did not: "
            f"{lab.left_home_because('session_id')}",
        )
        lab.check(
            lab.heading_of(received) != DONE,
            f'expected your app not to make a transfer on a GET, but it answered "{DONE}" to '
            f"the link from other.localhost to /transfer?amount={AMOUNT}: a Lax cookie goes "
            "along with any site's link, so make a transfer on a POST only",
        )

    with lab.step("A form on sub.lab.localhost (same site) posts the copy: refused"):
        received = lab.arrive_from(SIBLING, "/transfer", form=forged)
        _refused(
            lab,
            received,
            "same-site",
            f"the attacker posted every field of their own form ({', '.join(forged)}), their "
            f"own token included: check csrf_token against the token your app keeps for this "
            f"session, in Flask's session, never against something else the form sends",
        )

    with lab.step("The copy without its csrf_token, from sub.lab.localhost: refused too"):
        bare = {k: v for k, v in forged.items() if k != "csrf_token"}
        received = lab.arrive_from(SIBLING, "/transfer", form=bare)
        _refused(
            lab,
            received,
            "same-site",
            "it had no csrf_token at all: refuse a POST without the token too, or a forger "
            "leaves it out",
        )

    with lab.step("Your own page's form, with the attacker's token in place of yours: refused"):
        lab.visit(lab.lab_site_url("/transfer"))
        lab.driver.execute_script(
            "document.querySelector('form input[name=\"csrf_token\"]').value = arguments[0]",
            theirs,
        )
        own = lab.send_form("/transfer")
        lab.check(
            lab.heading_of(own) != DONE,
            f"expected your app to refuse a POST from its own page carrying the attacker's "
            f'token, but it answered "{DONE}": it does not check the token (something else, '
            f"such as the Origin header, refused the other pages); refuse a POST whose "
            f"csrf_token is not the one your app gave this session",
        )

    with lab.step("Your own form once more: no attack moved money, whatever its page said"):
        lab.visit(lab.lab_site_url("/transfer"))
        counted = _count(lab, lab.send_form("/transfer"))
        lab.check(
            counted == made + 1,
            f"your app counts {counted} transfers, but only {made + 1} were made by its own "
            "form: an attack moved money though its page said otherwise; record a transfer "
            'only where your app answers "Transfer done."',
        )


def _count(lab, exchange):
    """How many transfers the app says it has made, on the page its own form's POST got."""
    said = lab.heading_of(exchange)
    lab.check(
        said == DONE,
        f'expected your app to answer its own form\'s POST with "{DONE}" in its <h1>, but it '
        f"said {said!r}",
    )
    counted = COUNT.search(exchange.page)
    lab.check(
        counted,
        f'expected the "{DONE}" page to say how many transfers your app has made ("1 '
        "transfers so far.\"), as the starter's does, but it does not: the check counts them "
        "to see whether an attack moved money",
    )
    return int(counted[1])


def _came(lab, received, method, fetch_site):
    lab.note(f"{method}, Sec-Fetch-Site: {received.fetch_site or '(not sent)'}")
    lab.check(
        received.fetch_site == fetch_site,
        f"expected the browser to send the {method} with Sec-Fetch-Site: {fetch_site}, but it "
        f"said {received.fetch_site or 'nothing'}",
    )


def _refused(lab, received, fetch_site, why):
    """The forged POST ``received`` (from a page ``fetch_site`` to the app) made no transfer;
    ``why``: what it means if it did."""
    _came(lab, received, "POST", fetch_site)
    site = SIBLING if fetch_site == "same-site" else OTHER
    # From a page of the same site, the cookie goes along: only the token can refuse it.
    lab.check(
        fetch_site != "same-site" or "session_id" in received.cookies,
        f"expected the form from {site}, a page of the same site, to carry session_id, but it "
        "did not",
    )
    lab.check(
        lab.heading_of(received) != DONE,
        f"expected your app to refuse the transfer posted from {site}, but it answered "
        f'"{DONE}": {why}',
    )
