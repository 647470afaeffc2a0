"""Domain: a host-only cookie against one with Domain=, which subdomains get too.

You will see lab.localhost's /cross-site/set-domain-cookies set host_only_cookie (no
Domain) and domain_cookie (Domain=lab.localhost), and try foreign_domain_cookie
(Domain=other.localhost, a domain this host is not under) and localhost_domain_cookie
(Domain=localhost, which Chromium counts as a top-level domain, like com): both refused.
sub.lab.localhost then gets domain_cookie and not host_only_cookie; lab.localhost gets both.
Leaving Domain out is the narrower, safer choice.
"""

from scenarios.content.cross_site.sites import LAB, expect_came_from

NAME = "domain"
# Its lesson is names on this machine's loopback: lab.localhost and sub.lab.localhost.
NEEDS_SITES = True

SUB = "sub." + LAB
KEPT = ("host_only_cookie", "domain_cookie")
REFUSED = ("foreign_domain_cookie", "localhost_domain_cookie")


def run(lab):
    with lab.step(
        "On lab.localhost, /cross-site/set-domain-cookies: no Domain, Domain=lab.localhost, "
        "Domain=other.localhost, Domain=localhost",
        about=KEPT + REFUSED,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/set-domain-cookies"))
        for name in KEPT + REFUSED:
            lab.page.set_cookie_header(name)

    with lab.step(
        "Kept: host_only_cookie for lab.localhost alone, domain_cookie for .lab.localhost",
        about=KEPT,
    ):
        host_only, domain = (lab.expect_stored(name) for name in KEPT)
        lab.check(
            host_only.domain == LAB,
            f"expected host_only_cookie kept for {LAB} alone, but it is for {host_only.domain}",
        )
        lab.check(
            domain.domain == "." + LAB,
            f"expected domain_cookie kept for .{LAB} and below, but it is for {domain.domain}",
        )

    with lab.step(
        "Refused: a Domain this host is not under, and Domain=localhost, a top-level domain",
        about=REFUSED,
        shows="#set-cookie-headers",
    ):
        for name in REFUSED:
            lab.expect_not_stored(name)

    with lab.step("sub.lab.localhost gets domain_cookie, not host_only_cookie", about=KEPT):
        lab.visit(lab.site_url(SUB, "/cross-site/landing"))
        expect_came_from(lab, "none")
        lab.expect_carried("domain_cookie", "domain_value")
        lab.expect_not_carried("host_only_cookie")

    with lab.step("lab.localhost itself gets both", about=KEPT):
        lab.visit(lab.site_url(LAB, "/cross-site/landing"))
        for name in KEPT:
            lab.expect_carried(name)
