"""What each cross-site route teaches (cross_site.py): its link, title and sentence."""

from lab_app.page import Lesson

LESSONS = {
    "set_cookies": Lesson(
        "/cross-site/set-cookies",
        "SameSite in action: four cookies",
        "Visit on lab.localhost. This response sets strict_cookie (SameSite=Strict), "
        "lax_cookie (Lax), none_secure_cookie (SameSite=None; Secure) and no_samesite_cookie "
        "(no attribute). Then let other.localhost link, post, frame, fetch and load an image.",
    ),
    "landing": Lesson(
        "/cross-site/landing",
        "Where another site's requests arrive",
        "This route sets nothing. It shows what this request carried and where the browser "
        "says it came from, and notes both for the table at /cross-site/received.",
    ),
    "what_arrived": Lesson(
        "/cross-site/received",
        "What was sent where",
        "Each way another site reached /cross-site/landing (link, form, frame, fetch, image), "
        "with the cookies it carried, as the lab received them.",
    ),
    "elsewhere": Lesson(
        "/cross-site/elsewhere",
        "Another site's page",
        "Open it on other.localhost: a link and a form to the lab, and with ?embed=frame,"
        "image,fetch a frame, an image and a credentialed fetch of the lab.",
    ),
    "set_partitioned_cookie": Lesson(
        "/cross-site/set-partitioned-cookie",
        "Partitioned: one jar per top-level site",
        "This response sets partitioned_cookie with Partitioned; SameSite=None; Secure. Set "
        "inside a frame under one site, it comes back in that frame under that site only.",
    ),
    "set_prefixed_cookies": Lesson(
        "/cross-site/set-prefixed-cookies",
        "__Host- and __Secure-: names that make promises",
        "This response sets six prefixed cookies. The browser keeps a __Secure- cookie only "
        "with Secure, and a __Host- cookie only with Secure, Path=/ and no Domain.",
    ),
    "set_domain_cookies": Lesson(
        "/cross-site/set-domain-cookies",
        "Domain: host-only or the whole domain",
        "Visit on lab.localhost. host_only_cookie has no Domain: only lab.localhost gets it. "
        "domain_cookie has Domain=lab.localhost: sub.lab.localhost gets it too. A Domain "
        "this host is not under (other.localhost, localhost) is refused.",
    ),
    "bank": Lesson(
        "/cross-site/bank",
        "The lab's bank: logged in",
        "This response logs you in with three session cookies: bank_session_unset (no "
        "SameSite), bank_session_lax (Lax) and bank_session, whose forms carry a CSRF token.",
    ),
    "transfer": Lesson(
        "/cross-site/transfer/unguarded",
        "A state-changing route",
        "A POST here transfers money for whoever is logged in. unguarded trusts "
        "bank_session_unset, lax trusts bank_session_lax, token wants a CSRF token too.",
    ),
    "attacker": Lesson(
        "/cross-site/attacker",
        "A cross-site request forgery",
        "Open it on other.localhost: three forms that post a transfer to the lab's bank. "
        "Which of them the lab obeys depends on the session cookie's SameSite and a token.",
    ),
}
