"""A login cookie that another site's links keep, and its forms do not.

You will see /login on lab.localhost store session_id; a link on other.localhost to
/account arrive signed in, for the browser sends a Lax cookie on a cross-site link; and a
form on other.localhost posting to /account arrive without session_id, for it does not send
a Lax cookie on a cross-site POST. The Set-Cookie header says SameSite=Lax itself: without
it, Chromium sends a cookie set under 2 minutes ago on that POST too.
"""

NUMBER = 16
SLUG = "samesite_login"
TRACK = "flask"
TITLE = "A login cookie another site's links keep, and its forms do not"
# Its lesson is the lab on two sites (lab.localhost, other.localhost): not through a Grid.
NEEDS_SITES = True

OTHER = "other.localhost"


def check(lab):
    with lab.step("Visit /login on lab.localhost: the browser stores session_id"):
        lab.visit(lab.lab_site_url("/login"))
        lab.expect_stored("session_id")

    with lab.step("A link on other.localhost to /account: session_id goes along, signed in"):
        received = lab.arrive_from(OTHER, "/account")
        _came(lab, received, "GET")
        lab.check(
            "session_id" in received.cookies,
            f"expected the link from other.localhost to carry session_id, but it did not: "
            f"{lab.left_home_because('session_id')}",
        )
        lab.expect_heading("You are signed in.")

    with lab.step("A form on other.localhost posts to /account: session_id stays home"):
        received = lab.arrive_from(OTHER, "/account", form={"email": "mallory@example.com"})
        _came(lab, received, "POST")
        header = _header(lab)
        said = lab.samesite_of(header) if header else None
        why = (
            "a cookie set without SameSite is sent on another site's POST for its first 2 "
            'minutes (Chromium\'s "Lax-allowing-unsafe"): say SameSite=Lax yourself'
            if said is None
            else f"SameSite={said} lets another site's forms send it"
        )
        lab.check(
            "session_id" not in received.cookies,
            f"expected the form POST from other.localhost not to carry session_id, but it "
            f"did: {why}",
        )

    with lab.step("Its Set-Cookie header says SameSite=Lax itself, not the browser's default"):
        lab.visit(lab.lab_site_url("/login"))
        header = lab.expect_sent("session_id")
        said = lab.samesite_of(header)
        lab.check(
            (said or "").lower() == "lax",
            f"expected the response to /login to set session_id with SameSite=Lax, but it "
            f"sent Set-Cookie: {header}",
        )


def _came(lab, received, method):
    lab.note(f"{method}, Sec-Fetch-Site: {received.fetch_site or '(not sent)'}")
    lab.check(
        received.fetch_site == "cross-site",
        f"expected the browser to send the {method} with Sec-Fetch-Site: cross-site, but it "
        f"said {received.fetch_site or 'nothing'}",
    )


def _header(lab):
    """The last Set-Cookie the app sent for session_id, from any of its responses."""
    sent = [h for e in lab.recorder.last.values() for h in e.set_cookies]
    return next((h for h in reversed(sent) if h.startswith("session_id=")), None)
