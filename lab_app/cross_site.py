"""Cross-site: what the browser sends when another site links, posts, frames, fetches or
loads an image from the lab; partitioned cookies, cookie prefixes and Domain.

The same routes answer on every name: the lab's own pages are meant for lab.localhost, the
other site's (elsewhere, attacker) for other.localhost; see sites.py. The attacker's page
alone refuses the lab's own site: there its forgeries would be same-site, and prove nothing.
"""

import base64
import secrets

from flask import Blueprint, abort, jsonify, make_response, render_template, request

from lab_app.broken import broken
from lab_app.cross_site_lessons import LESSONS  # noqa: F401 - create_app reads each bp's
from lab_app.page import render_page, site_of
from lab_app.sites import (
    OTHER_SITE,
    allow_reading,
    csrf_token,
    forget_received,
    host_name,
    lab_home,
    received,
    record,
    set_with,
    site_url,
    token_matches,
)

bp = Blueprint("cross_site", __name__, url_prefix="/cross-site")

# The four SameSite settings, each on a cookie of its own.
SAMESITE_COOKIES = {
    "strict_cookie": {"samesite": "Strict"},
    "lax_cookie": {"samesite": "Lax"},
    "none_secure_cookie": {"samesite": "None", "secure": True},
    "no_samesite_cookie": {},
}
WAYS_IN = ("frame", "image", "fetch")
GUARDS = {"unguarded": "bank_session_unset", "lax": "bank_session_lax", "token": "bank_session"}
REMEMBERED = "learner"
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")


@bp.route("/set-cookies")
def set_cookies():
    forget_received()  # a new run of the table: what came before is another lesson's
    response = make_response()
    for name, attributes in SAMESITE_COOKIES.items():
        if broken("strict-cookie-set-lax") and name == "strict_cookie":
            attributes = {"samesite": "Lax"}
        if broken("lax-cookie-set-strict") and name == "lax_cookie":
            attributes = {"samesite": "Strict"}
        set_with(response, name, name.replace("_cookie", "_value"), **attributes)
    if broken("strict-cookie-lax-twin"):
        # Right where another site's links arrive: the Strict one at / stays as it should.
        response.set_cookie(
            "strict_cookie", "strict_value", samesite="Lax", path=f"{bp.url_prefix}/landing"
        )
    return render_page(response)


@bp.route("/landing", methods=["GET", "POST"])
def landing():
    """Where every way in arrives; it notes what each carried. ``as``: page, json, image."""
    record(request.args.get("via", "typed"))
    shape = request.args.get("as", "page")
    if shape == "page" and broken("strict-cookie-bounced") and _arrived_without_strict():
        # A "are you signed in?" reload some sites make: the page reloads itself, a same-site
        # request now, so the page another site's link ends on carries strict_cookie.
        return make_response(render_template("bounce.html"), {"Cache-Control": "no-store"})
    if shape == "json":
        carried = {"carried": sorted(request.cookies), "via": request.args.get("via")}
        return allow_reading(jsonify(carried), credentials=True)
    if shape == "image":
        return make_response(PIXEL, {"Content-Type": "image/gif", "Cache-Control": "no-store"})
    return render_page(make_response("", {"Cache-Control": "no-store"}))


def _arrived_without_strict():
    return (
        request.method == "GET"
        and request.headers.get("Sec-Fetch-Site") == "cross-site"
        and "strict_cookie" not in request.cookies
    )


@bp.route("/received")
def what_arrived():
    """What the ways in carried: the lab's own table, or (as=json) the other site's."""
    if request.args.get("as") == "json":
        return allow_reading(jsonify(received(request.args.get("n", ""))))
    return render_page(template="received.html", log=received())


@bp.route("/elsewhere")
def elsewhere():
    """The other site's page: a link, a form, and (``embed``) a frame, an image, a fetch."""
    embed = [kind for kind in request.args.get("embed", "").split(",") if kind]
    if any(kind not in (*WAYS_IN, "partitioned-frame") for kind in embed):
        abort(400)
    return render_page(
        template="elsewhere.html", lab=lab_home(), embed=embed, n=secrets.token_hex(4)
    )


@bp.route("/set-partitioned-cookie")
def set_partitioned_cookie():
    response = make_response()
    set_with(
        response,
        "partitioned_cookie",
        "partitioned_value",
        samesite="None",
        secure=True,
        partitioned=True,
    )
    return render_page(response)


@bp.route("/set-prefixed-cookies")
def set_prefixed_cookies():
    response = make_response()
    here = host_name()
    set_with(response, "__Host-kept_cookie", "kept", secure=True)
    set_with(response, "__Secure-kept_cookie", "kept", secure=True, path="/cross-site")
    set_with(response, "__Host-no_secure_cookie", "refused")
    set_with(response, "__Host-domain_cookie", "refused", secure=True, domain=here)
    set_with(response, "__Host-sub_path_cookie", "refused", secure=True, path="/cross-site")
    set_with(response, "__Secure-no_secure_cookie", "refused")
    return render_page(response)


@bp.route("/set-domain-cookies")
def set_domain_cookies():
    response = make_response()
    set_with(response, "host_only_cookie", "host_only_value")
    set_with(response, "domain_cookie", "domain_value", domain=host_name())
    set_with(response, "foreign_domain_cookie", "foreign_value", domain=OTHER_SITE)
    set_with(response, "localhost_domain_cookie", "localhost_value", domain="localhost")
    return render_page(response)


@bp.route("/bank")
def bank():
    """Log in: three session cookies (no SameSite, Lax, and one whose forms carry a token)."""
    response = make_response()
    session = secrets.token_hex(8)
    set_with(response, "bank_session_unset", session)
    if broken("csrf-lax-session-none"):
        set_with(response, "bank_session_lax", session, samesite="None", secure=True)
    else:
        set_with(response, "bank_session_lax", session, samesite="Lax")
    set_with(response, "bank_session", session)
    # Who you are, sent from every site: it greets you by name, it never signs you in.
    set_with(response, "remember_me", REMEMBERED, samesite="None", secure=True)
    # Broken: its form's token is made for another session, so the bank refuses its own form.
    token = csrf_token("another " + session if broken("csrf-own-form-refused") else session)
    return render_page(response, template="bank.html", token=token)


@bp.route("/transfer/<guard>", methods=["GET", "POST"])
def transfer(guard):
    """A state-changing route: a transfer, made only for a session that is logged in (and,
    guarded by a token, only with its CSRF token)."""
    if guard not in GUARDS:
        abort(404)
    session = request.cookies.get(GUARDS[guard], "")
    remembered = request.cookies.get("remember_me")
    checks_token = guard == "token" and not broken("csrf-token-not-checked")
    if broken("csrf-remember-me-transfers") and not session and remembered:
        # "Remember me" taken as signed in; with no session there is no token to compare, so
        # the check is skipped.
        session, checks_token = remembered, False
    if request.method != "POST" and not broken("transfer-on-get"):
        outcome = "nothing done: a transfer is a POST"
    elif not session:
        outcome = f"refused: no {GUARDS[guard]} cookie arrived, so nobody is logged in"
    elif checks_token and not token_matches(session, request.form.get("csrf_token")):
        outcome = "refused: the session cookie arrived, but no valid CSRF token came with it"
    else:
        amount = request.values.get("amount", "?")
        outcome = f"done: {amount} transferred to account 666"
    return render_page(template="transfer.html", outcome=outcome, name=remembered)


@bp.route("/attacker")
def attacker():
    """The other site's page: three forms that post a transfer to the lab, and three links
    that ask for one with a GET (which a Lax session cookie goes along with). Only on another
    site: on the lab's own, its forms would be the lab's, and no forgery at all."""
    if site_of(request.host)[1] != "another site":
        # Refused with the reason, and a link to the page where it is served (the lab's own
        # pages list this route too).
        elsewhere = site_url(OTHER_SITE, request.full_path.rstrip("?"))
        refused = make_response("", 404)
        return render_page(refused, template="not_here.html", elsewhere=elsewhere)
    return render_page(template="attacker.html", lab=lab_home(), guards=tuple(GUARDS))
