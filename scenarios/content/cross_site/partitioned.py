"""Partitioned cookies: one jar per top-level site, so a frame cannot follow you around.

You will see other.localhost frame lab.localhost's /cross-site/set-partitioned-cookie,
which sets partitioned_cookie (Partitioned; SameSite=None; Secure) inside the frame: the
jar keeps it for lab.localhost, in other.localhost's partition. Framed under
other.localhost again, the lab gets it back; framed under another.localhost, a third site,
it does not; nor does lab.localhost itself, at the top level.
"""

from scenarios.content.cross_site.sites import ANOTHER, LAB, OTHER, carried_by, what_arrived

NAME = "partitioned"
# Its lesson is sites on this machine's loopback: lab.localhost, other.localhost, ...
NEEDS_SITES = True

COOKIE = "partitioned_cookie"
FRAME_ROW = '#what-the-lab-received tr[data-via="frame"]'


def _framed_under(lab, site):
    lab.visit(lab.site_url(site, "/cross-site/elsewhere?embed=frame"))
    return carried_by(lab, "frame")


def run(lab):
    with lab.step(
        "other.localhost frames the lab, which sets partitioned_cookie inside the frame",
        about=COOKIE,
        shows="#lab-partitioned-frame",
    ):
        lab.visit(lab.site_url(OTHER, "/cross-site/elsewhere?embed=partitioned-frame"))
        what_arrived(lab)  # once the frame has loaded
        stored = lab.expect_stored(COOKIE)
        lab.check(
            stored.partition.endswith(OTHER),
            f"expected {COOKIE} kept in other.localhost's partition, but the browser keeps "
            f"it in {stored.partition or 'no partition'}",
        )

    with lab.step(
        "Framed under other.localhost again, the lab gets partitioned_cookie back",
        about=COOKIE,
        shows=FRAME_ROW,
    ):
        cookies = _framed_under(lab, OTHER)
        lab.check(COOKIE in cookies, f"expected the frame to carry {COOKIE}, but it did not")
        lab.note("Under other.localhost, the frame carried partitioned_cookie")

    with lab.step(
        "The same frame under another.localhost: another partition, no partitioned_cookie",
        about=COOKIE,
        shows=FRAME_ROW,
    ):
        cookies = _framed_under(lab, ANOTHER)
        lab.check(COOKIE not in cookies, f"expected the frame not to carry {COOKIE}, but it did")
        lab.note("Under another.localhost, the frame carried no partitioned_cookie")

    with lab.step(
        "lab.localhost itself, at the top level: its own partition has none either",
        about=COOKIE,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/landing"))
        lab.expect_not_carried(COOKIE)
