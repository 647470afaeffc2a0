"""Cookie prefixes: __Host- and __Secure- names the browser holds to their promise.

You will see lab.localhost's /cross-site/set-prefixed-cookies send six prefixed cookies.
The browser keeps __Host-kept_cookie (Secure, Path=/, no Domain) and __Secure-kept_cookie
(Secure). It refuses, without a word, __Host-no_secure_cookie (no Secure),
__Host-domain_cookie (a Domain), __Host-sub_path_cookie (Path=/cross-site) and
__Secure-no_secure_cookie (no Secure). A server reading a __Host- cookie knows this host set
it over a secure connection, for all its paths.
"""

from scenarios.content.cross_site.sites import LAB

NAME = "prefixes"
# Secure cookies over plain http need a secure context: lab.localhost, on loopback.
NEEDS_SITES = True

KEPT = ("__Host-kept_cookie", "__Secure-kept_cookie")
REFUSED = (
    "__Host-no_secure_cookie",
    "__Host-domain_cookie",
    "__Host-sub_path_cookie",
    "__Secure-no_secure_cookie",
)


def run(lab):
    with lab.step(
        "On lab.localhost, /cross-site/set-prefixed-cookies sends six prefixed cookies",
        about=KEPT + REFUSED,
    ):
        lab.visit(lab.site_url(LAB, "/cross-site/set-prefixed-cookies"))
        for name in KEPT + REFUSED:
            lab.page.set_cookie_header(name)

    with lab.step(
        "The browser keeps the two that keep their promise: Secure, and for __Host- Path=/ and"
        " no Domain",
        about=KEPT,
    ):
        for name in KEPT:
            stored = lab.expect_stored(name)
            lab.check(stored.secure, f"expected {name} kept as Secure, but it is not")
        host = lab.expect_stored(KEPT[0])
        lab.check(
            host.path == "/" and not host.domain.startswith("."),
            f"expected {KEPT[0]} host-only at Path=/, but it is at {host.domain}{host.path}",
        )

    with lab.step(
        "It refuses __Host- without Secure, with a Domain, with another Path; __Secure- without"
        " Secure",
        about=REFUSED,
        shows="#set-cookie-headers",
    ):
        for name in REFUSED:
            lab.expect_not_stored(name)

    with lab.step("The next request carries the two it kept, and none of the four", about=KEPT):
        lab.visit(lab.site_url(LAB, "/cross-site/landing"))
        for name in KEPT:
            lab.expect_carried(name, "kept")
        for name in REFUSED:
            lab.expect_not_carried(name)
