"""Each broken lab differs from the real one in exactly one route's Set-Cookie headers."""

import json
import re
import subprocess
import sys

import pytest

from lab_app import create_app
from lab_app.broken import BROKEN_LABS, SHOWN_NOT_SENT

# The routes that set or delete cookies; every other route sets nothing in any lab.
SETTING_ROUTES = [
    rule.rule
    for rule in create_app({}).url_map.iter_rules()
    if "<" not in rule.rule and rule.endpoint != "static"
]

# name: (the route it breaks, a piece of that route's broken Set-Cookie headers).
FAULTS = {
    "set-on-second-visit": ("/set-cookie", None),
    "set-cookie-sets-nothing": ("/set-cookie", None),
    "session-cookie-own-path": ("/set-cookie", "cookie_name=cookie_value; Path=/set-cookie"),
    "set-cookie-misnamed": ("/set-cookie", "cookie-name=cookie_value; Path=/"),
    "set-cookie-redirects": ("/set-cookie", "cookie_name=cookie_value; Path=/"),
    "update-adds-second-cookie": (
        "/update-cookie",
        "cookie_name=updated_cookie_value; Path=/update-cookie",
    ),
    "update-keeps-value": ("/update-cookie", "cookie_name=cookie_value; Path=/"),
    "update-sets-new-name": ("/update-cookie", "updated_cookie_name=updated_cookie_value; Path=/"),
    "update-only-if-missing": ("/update-cookie", None),
    "path-cookie-at-root": ("/set-path-cookie", "path_cookie_name=path_cookie_value; Path=/"),
    "path-cookie-on-lookalike": ("/set-path-cookie", "Path=/set-path-cookie-alternate"),
    "path-cookie-trailing-slash": ("/set-path-cookie", "Path=/set-path-cookie/"),
    "delete-by-name-only": ("/delete-cookies", None),
    "delete-keeps-long-cookie": ("/delete-cookies", None),
    "expiry-never": ("/set-expiring-cookie", "expiring_cookie_name=expiring_cookie_value; Path=/"),
    "expiry-at-once": ("/set-expiring-cookie", "Max-Age=0"),
    "expiry-60s": ("/set-expiring-cookie", "Max-Age=60"),
    "session-cookie-persists": ("/set-cookie", "Max-Age=86400"),
    "session-restored-by-long-cookie": ("/", "cookie_name=cookie_value; Path=/"),
    "long-cookie-session-only": ("/set-long-lasting-cookie", "long_cookie_value; Path=/"),
    "httponly-missing": ("/set-httponly-cookie", "httponly_cookie_value; Path=/"),
    "httponly-cookie-not-set": ("/set-httponly-cookie", None),
    "httponly-on-script-cookie": ("/set-httponly-cookie", "script_cookie_value; HttpOnly"),
    "expiry-renewed-on-read": ("/", "expiring_cookie_name=expiring_cookie_value; Expires="),
    **{name: (path, None) for name, path in SHOWN_NOT_SENT.items()},
    "strict-cookie-set-lax": ("/cross-site/set-cookies", "strict_value; Path=/; SameSite=Lax"),
    "strict-cookie-lax-twin": (
        "/cross-site/set-cookies",
        "strict_cookie=strict_value; Path=/cross-site/landing; SameSite=Lax",
    ),
    "lax-cookie-set-strict": ("/cross-site/set-cookies", "lax_value; Path=/; SameSite=Strict"),
    "csrf-lax-session-none": ("/cross-site/bank", "; Secure; Path=/; SameSite=None"),
    # What a transfer does, not a header: test_the_transfers_that_break.
    "csrf-token-not-checked": (None, None),
    "transfer-on-get": (None, None),
    "csrf-remember-me-transfers": (None, None),
    "csrf-own-form-refused": (None, None),
    # What a page does for a request from another site: test_the_landing_that_bounces.
    "strict-cookie-bounced": (None, None),
}

# Faults that show only to a browser already holding a cookie: the request carries it.
CARRIED = {
    "update-only-if-missing": ("cookie_name", "cookie_value"),
    "session-restored-by-long-cookie": ("long_cookie_name", "long_cookie_value"),
    "expiry-renewed-on-read": ("expiring_cookie_name", "expiring_cookie_value"),
}


def get(app, path, carried=()):
    client = app.test_client()
    if carried:
        client.set_cookie(*carried)
    return client.get(path)


def headers(app, path, carried=()):
    return get(app, path, carried).headers.getlist("Set-Cookie")


def comparable(app, path, carried=()):
    """The status and the headers without their Expires dates, which move on with the clock
    (a fault may answer with a redirect that sets the same cookie), nor a login's session id,
    new at each login (cross_site's bank)."""
    response = get(app, path, carried)
    cookies = [
        re.sub(r"Expires=[^;]*; |(?<=^bank_session)(\w*=)[0-9a-f]{16}", r"\1", h)
        for h in response.headers.getlist("Set-Cookie")
    ]
    return response.status_code, cookies


def test_every_broken_lab_is_listed_with_a_sentence():
    assert set(FAULTS) == set(BROKEN_LABS)
    assert len(BROKEN_LABS) >= 8
    for name, description in BROKEN_LABS.items():
        assert description and "\n" not in description and not description.endswith("."), name


@pytest.mark.parametrize("name", sorted(BROKEN_LABS))
def test_a_broken_lab_breaks_one_route_only(name):
    real, faulty = create_app({"EXPIRY_SECONDS": 3}), create_app({"EXPIRY_SECONDS": 3})
    faulty.config["BROKEN"] = name
    route, piece = FAULTS[name]
    carried = CARRIED.get(name, ())
    differ = [
        p for p in SETTING_ROUTES if comparable(real, p, carried) != comparable(faulty, p, carried)
    ]
    assert differ == ([route] if route else [])
    if route is None:
        return
    if name == "set-on-second-visit":
        # Its first visit was above, and set nothing; from the second on it is the real lab.
        assert comparable(faulty, route) == comparable(real, route)
        return
    broken_headers = headers(faulty, route, carried)
    if piece:
        assert any(piece in header for header in broken_headers), broken_headers


def transfer(app, guard, method="POST", form=None):
    """What /cross-site/transfer/<guard> says for a session logged in at the bank."""
    client = app.test_client()
    client.get("/cross-site/bank")
    page = client.open(f"/cross-site/transfer/{guard}?amount=5", method=method, data=form)
    return re.search(r'id="transfer-outcome" data-done="(\w+)"', page.text)[1]


def test_the_transfers_that_break():
    real = create_app({})
    # Posted with the session cookie but no token (another site's form, whose POST carries a
    # cookie without SameSite): the real lab refuses, the broken one obeys.
    assert transfer(real, "token", form={"amount": "5"}) == "no"
    assert transfer(create_app({"BROKEN": "csrf-token-not-checked"}), "token") == "yes"
    # A GET (another site's link, which a Lax cookie goes along with).
    assert transfer(real, "lax", method="GET") == "no"
    assert transfer(create_app({"BROKEN": "transfer-on-get"}), "lax", method="GET") == "yes"
    # Only that: the token route still refuses a POST without its token on the GET lab.
    assert transfer(create_app({"BROKEN": "transfer-on-get"}), "token") == "no"


def own_form(app):
    """What the transfer says to the bank's own form, posted with the token its page holds."""
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="(\w+)"', client.get("/cross-site/bank").text)[1]
    page = client.post("/cross-site/transfer/token", data={"amount": "10", "csrf_token": token})
    return re.search(r'id="transfer-outcome" data-done="(\w+)"', page.text)[1]


def test_the_bank_that_refuses_its_own_form():
    assert own_form(create_app({})) == "yes"
    assert own_form(create_app({"BROKEN": "csrf-own-form-refused"})) == "no"
    # Only its own form: another site's (no token) is refused as on the real lab.
    assert transfer(create_app({"BROKEN": "csrf-own-form-refused"}), "token") == "no"


def remembered_only(app, guard, form=None):
    """What /cross-site/transfer/<guard> says to a POST that carries remember_me alone, as
    another site's form does (the Lax session stays home; the others, 2 minutes after login)."""
    client = app.test_client()
    client.set_cookie("remember_me", "learner")
    page = client.post(f"/cross-site/transfer/{guard}?amount=5", data=form)
    return re.search(r'id="transfer-outcome" data-done="(\w+)"', page.text)[1]


def test_remember_me_taken_for_a_session():
    real, remembers = create_app({}), create_app({"BROKEN": "csrf-remember-me-transfers"})
    for guard in ("lax", "token"):
        assert remembered_only(real, guard) == "no"
        assert remembered_only(remembers, guard) == "yes"
    # With the session there (any same-site request), its token is still wanted.
    assert transfer(remembers, "token", form={"amount": "5"}) == "no"
    assert transfer(remembers, "lax", method="GET") == "no"


def landing(app, fetch_site, carried=()):
    client = app.test_client()
    for name in carried:
        client.set_cookie(name, "v")
    return client.get("/cross-site/landing?via=link", headers={"Sec-Fetch-Site": fetch_site})


def test_the_landing_that_bounces():
    bounced = create_app({"BROKEN": "strict-cookie-bounced"})
    # A link from another site, which leaves strict_cookie home: the page reloads itself.
    page = landing(bounced, "cross-site", carried=["lax_cookie"])
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "<script>location.replace(location.href);</script>" in page.text
    assert 'id="received-cookies"' not in page.text and not page.headers.getlist("Set-Cookie")
    # The reload is same-origin, and carries strict_cookie: the lab's page, once.
    for fetch_site, carried in (
        ("same-origin", ["lax_cookie", "strict_cookie"]),
        ("same-origin", ["lax_cookie"]),
        ("cross-site", ["lax_cookie", "strict_cookie"]),
        ("none", ["lax_cookie"]),
    ):
        page = landing(bounced, fetch_site, carried)
        assert page.text == landing(create_app({}), fetch_site, carried).text
    assert "location.replace" not in landing(create_app({}), "cross-site").text


def test_the_deletions_that_break():
    by_name = create_app({"BROKEN": "delete-by-name-only"})
    assert "path_cookie_name=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/" in (
        headers(by_name, "/delete-cookies")
    )
    keeps = headers(create_app({"BROKEN": "delete-keeps-long-cookie"}), "/delete-cookies")
    assert not any(h.startswith("long_cookie_name=") for h in keeps)
    assert len(keeps) == 4


def test_an_unknown_broken_lab_is_refused_by_name():
    with pytest.raises(ValueError, match="no broken lab is named 'nope'; choose one of: set-on"):
        create_app({"BROKEN": "nope"})


def test_an_instructor_chooses_one_from_the_environment(monkeypatch):
    monkeypatch.setenv("COOKIE_LAB_BROKEN", "expiry-60s")
    assert create_app().config["BROKEN"] == "expiry-60s"
    monkeypatch.delenv("COOKIE_LAB_BROKEN")
    assert create_app().config["BROKEN"] is None


def test_flask_run_names_an_unknown_broken_lab_in_its_error():
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "lab_app", "routes"],
        env={"COOKIE_LAB_BROKEN": json.dumps("nope"), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "no broken lab is named 'nope'" in done.stderr


@pytest.mark.parametrize("name", sorted(SHOWN_NOT_SENT))
def test_a_lab_that_shows_headers_it_does_not_send(name):
    """Its page lists the Set-Cookie headers the real lab sends: the response sends none."""
    path = SHOWN_NOT_SENT[name]
    real, faulty = get(create_app({}), path), get(create_app({"BROKEN": name}), path)
    assert real.headers.getlist("Set-Cookie") and not faulty.headers.getlist("Set-Cookie")
    shown = _headers_shown(faulty.text)
    assert shown and shown == _headers_shown(real.text)


def _headers_shown(page):
    # Expires is a date to the second: two requests a moment apart may straddle one.
    headers = re.findall(r"<code>Set-Cookie: [^<]*</code>", page)
    return [re.sub(r"Expires=[^;<]*", "Expires=(a date)", header) for header in headers]
