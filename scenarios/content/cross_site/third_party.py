"""Third-party cookies: the lab framed by another site gets only SameSite=None; Secure ones,
and with third-party cookies blocked, not even those.

You will see lab.localhost set four cookies (Strict, Lax, None+Secure, no SameSite), then
other.localhost frame the lab and fetch from it with credentials: both are third-party
requests, and both carry none_secure_cookie alone. With third-party cookies blocked (here
through DevTools' cookie controls, Network.setCookieControls, as Chrome's "Block third-party
cookies" setting would), the same frame and fetch carry nothing; the lab's own pages, first
party, still get all four.
"""

from scenarios.content.cross_site.sites import (
    LAB,
    LAX,
    NONE,
    OTHER,
    SAMESITE_COOKIES,
    STRICT,
    UNSET,
    expect_sent,
)

NAME = "third-party"
# Its lesson is two sites on this machine's loopback: lab.localhost and other.localhost.
NEEDS_SITES = True

FRAMED = "/cross-site/elsewhere?embed=frame,fetch"


def _block_third_party_cookies(lab, blocked):
    """Chrome's "Block third-party cookies", for this tab, through DevTools. Measured on
    Chromium 156: the cookie controls take effect only once the tab's Network domain is on,
    and the prefs profile.cookie_controls_mode and profile.block_third_party_cookies do not
    block them in the headless shell."""
    lab.driver.execute_cdp_cmd("Network.enable", {})
    lab.driver.execute_cdp_cmd(
        "Network.setCookieControls",
        {
            "enableThirdPartyCookieRestriction": blocked,
            "disableThirdPartyCookieMetadata": blocked,
            "disableThirdPartyCookieHeuristics": blocked,
        },
    )


def run(lab):
    with lab.step(
        "On lab.localhost, /cross-site/set-cookies sets Strict, Lax, None+Secure and no SameSite",
        about=SAMESITE_COOKIES,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/set-cookies"))
        for name in SAMESITE_COOKIES:
            lab.page.set_cookie_header(name)

    with lab.step(
        "other.localhost frames the lab: a third-party frame gets none_secure_cookie alone",
        about=SAMESITE_COOKIES,
        shows='#what-the-lab-received tr[data-via="frame"]',
    ):
        lab.visit(lab.site_url(OTHER, FRAMED))
        for way in ("frame", "fetch"):
            expect_sent(lab, way, sent=(NONE,), not_sent=(STRICT, LAX, UNSET))
        lab.note("The frame and the fetch both carried none_secure_cookie alone")

    with lab.step(
        "Third-party cookies blocked: the same frame and fetch carry nothing at all",
        about=NONE,
        shows='#what-the-lab-received tr[data-via="frame"]',
    ):
        _block_third_party_cookies(lab, True)
        try:
            lab.visit(lab.site_url(OTHER, FRAMED))
            for way in ("frame", "fetch"):
                expect_sent(lab, way, sent=(), not_sent=SAMESITE_COOKIES)
            lab.note("Blocked: the frame and the fetch carried no cookie")
        finally:  # the browser goes on to other scenarios: as it was
            _block_third_party_cookies(lab, False)

    with lab.step(
        "The lab's own page, first party, still gets all four: only third parties were blocked",
        about=SAMESITE_COOKIES,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/landing"))
        for name in SAMESITE_COOKIES:
            lab.expect_carried(name)
