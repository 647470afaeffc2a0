"""SameSite in action: what another site's link, form, frame, fetch and image carry to the lab.

You will see lab.localhost set four cookies: strict_cookie (SameSite=Strict), lax_cookie
(Lax), none_secure_cookie (SameSite=None; Secure) and no_samesite_cookie (no attribute).
A page on other.localhost, another site on the same server, then frames the lab, loads an
image from it and fetches from it with credentials: each carries only none_secure_cookie.
Its link carries every cookie but strict_cookie; its form POST carries none_secure_cookie,
and no_samesite_cookie only because Chromium lets a cookie set under 2 minutes ago through
("Lax-allowing-unsafe"). The lab's own table then shows what was sent where.
"""

import time

from scenarios.content.cross_site.sites import (
    LAB,
    LAX,
    NONE,
    OTHER,
    SAMESITE_COOKIES,
    STRICT,
    UNSET,
    expect_came_from,
    expect_sent,
    follow,
    what_arrived,
)

NAME = "samesite-in-action"
# Its lesson is two sites on this machine's loopback: lab.localhost and other.localhost.
NEEDS_SITES = True

WAYS_IN = ("frame", "image", "fetch")
# Chromium's grace for a cookie set without SameSite: a cross-site POST still carries it
# this many seconds after it was set.
LAX_ALLOWING_UNSAFE_SECONDS = 120


def run(lab):
    with lab.step(
        "On lab.localhost, /cross-site/set-cookies sets Strict, Lax, None+Secure and no SameSite",
        about=SAMESITE_COOKIES,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/set-cookies"))
        set_at = time.monotonic()
        for name in SAMESITE_COOKIES:
            lab.page.set_cookie_header(name)

    with lab.step(
        "Typed into the address bar, no other site involved: the lab gets all four",
        about=SAMESITE_COOKIES,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/landing"))
        expect_came_from(lab, "none")
        for name in SAMESITE_COOKIES:
            lab.expect_carried(name)

    for way in WAYS_IN:
        with lab.step(
            f"other.localhost's page, another site: its {way} carries only none_secure_cookie",
            about=NONE,
            shows=f'#what-the-lab-received tr[data-via="{way}"]',
        ):
            if way == "frame":  # one page load for all three
                lab.visit(lab.site_url(OTHER, "/cross-site/elsewhere?embed=frame,image,fetch"))
            expect_sent(lab, way, sent=(NONE,), not_sent=(STRICT, LAX, UNSET))
            lab.note(f"The lab received the {way} with none_secure_cookie alone")

    with lab.step(
        "A link on other.localhost to the lab: every cookie but strict_cookie", about=STRICT
    ):
        lab.visit(lab.site_url(OTHER, "/cross-site/elsewhere"))
        follow(lab, "link-to-lab", "/cross-site/landing?via=link")
        expect_came_from(lab, "cross-site")
        for name in (LAX, NONE, UNSET):
            lab.expect_carried(name)
        lab.expect_not_carried(STRICT)

    with lab.step(
        "A form on other.localhost posts to the lab: Lax and Strict stay home; no_samesite_cookie"
        " goes, set under 2 minutes ago",
        about=SAMESITE_COOKIES,
    ):
        lab.visit(lab.site_url(OTHER, "/cross-site/elsewhere"))
        follow(lab, "post-to-lab", "/cross-site/landing?via=form")
        expect_came_from(lab, "cross-site")
        age = time.monotonic() - set_at
        if age < LAX_ALLOWING_UNSAFE_SECONDS:
            lab.expect_carried(UNSET)
        else:  # a class paused in step mode: the grace is over, and the POST shows it
            lab.expect_not_carried(UNSET)
        lab.expect_carried(NONE)
        lab.expect_not_carried(LAX)
        lab.expect_not_carried(STRICT)

    with lab.step(
        "The lab's own table: what was sent where",
        about=SAMESITE_COOKIES,
        shows="#what-the-lab-received",
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/received"))
        arrived = what_arrived(lab)
        for way in (*WAYS_IN, "link", "form"):
            lab.check(
                way in arrived, f"expected the lab's table to list the {way}, but it does not"
            )
        from_other_site = [way for way in arrived if way != "typed"]
        lab.check(
            not any(STRICT in arrived[way][1] for way in from_other_site),
            "expected no way in from another site to have carried strict_cookie",
        )
