"""The cross-site routes' exact headers, through the Flask test client: the two sites told
apart by the Host header, what the lab logs, CORS for the other site, the CSRF guards, and
each one-attribute-less variant the scenarios must fail against (test_cross_site.py)."""

import re

import pytest
from helpers import set_cookies

from lab_app import ConfigError, create_app

LAB = {"Host": "lab.localhost:5000"}
OTHER = {"Host": "other.localhost:5000"}


def headers(path, drop=None, **request):
    client = create_app({"TESTING": True, "DROP_ATTRIBUTE": drop}).test_client()
    response = client.get(path, headers=LAB, **request)
    assert response.status_code == 200
    return response.headers.getlist("Set-Cookie")


def test_the_four_samesite_cookies(client):
    assert set_cookies(client, "/cross-site/set-cookies") == [
        "strict_cookie=strict_value; Path=/; SameSite=Strict",
        "lax_cookie=lax_value; Path=/; SameSite=Lax",
        "none_secure_cookie=none_secure_value; Secure; Path=/; SameSite=None",
        "no_samesite_cookie=no_samesite_value; Path=/",
    ]


def test_the_partitioned_cookie():
    assert headers("/cross-site/set-partitioned-cookie") == [
        "partitioned_cookie=partitioned_value; Secure; Path=/; SameSite=None; Partitioned"
    ]


def test_the_prefixed_cookies_kept_and_refused():
    assert headers("/cross-site/set-prefixed-cookies") == [
        "__Host-kept_cookie=kept; Secure; Path=/",
        "__Secure-kept_cookie=kept; Secure; Path=/cross-site",
        "__Host-no_secure_cookie=refused; Path=/",
        "__Host-domain_cookie=refused; Domain=lab.localhost; Secure; Path=/",
        "__Host-sub_path_cookie=refused; Secure; Path=/cross-site",
        "__Secure-no_secure_cookie=refused; Path=/",
    ]


def test_the_domain_cookies_name_the_host_they_were_sent_to():
    assert headers("/cross-site/set-domain-cookies") == [
        "host_only_cookie=host_only_value; Path=/",
        "domain_cookie=domain_value; Domain=lab.localhost; Path=/",
        "foreign_domain_cookie=foreign_value; Domain=other.localhost; Path=/",
        "localhost_domain_cookie=localhost_value; Domain=localhost; Path=/",
    ]


def test_the_bank_logs_in_with_three_sessions_one_lax():
    unset, lax, token, remember_me = headers("/cross-site/bank")
    session = unset.split(";")[0].split("=")[1]
    assert unset == f"bank_session_unset={session}; Path=/"
    assert lax == f"bank_session_lax={session}; Path=/; SameSite=Lax"
    assert token == f"bank_session={session}; Path=/"
    # Sent from every site, and harmless: it only greets (csrf-remember-me-transfers is not).
    assert remember_me == "remember_me=learner; Secure; Path=/; SameSite=None"


def test_remember_me_greets_and_signs_nobody_in(client):
    # What another site's POST to /transfer/lax carries of a login: not bank_session_lax.
    client.set_cookie("remember_me", "learner", domain="lab.localhost")
    page = client.post("/cross-site/transfer/lax", headers=LAB, data={"amount": "5"})
    assert '<p id="greeting">Welcome back, learner</p>' in page.text
    assert _outcome(page).startswith("refused: no bank_session_lax cookie arrived")


def test_the_attacker_page_is_another_sites_only(client):
    assert client.get("/cross-site/attacker", headers=OTHER).status_code == 200
    for host in (LAB, {"Host": "sub.lab.localhost:5000"}, {"Host": "127.0.0.1:5000"}):
        refused = client.get("/cross-site/attacker", headers=host)
        assert refused.status_code == 404 and "page is another site's: on the lab" in refused.text
        assert 'href="http://other.localhost:5000/cross-site/attacker"' in refused.text


# Each scenario's lesson rests on one attribute: without it, the scenario must fail.
@pytest.mark.parametrize(
    ("path", "drop", "header"),
    [
        (
            "/cross-site/set-cookies",
            ["strict_cookie", "SameSite"],
            "strict_cookie=strict_value; Path=/",
        ),
        ("/cross-site/bank", ["bank_session_lax", "SameSite"], "bank_session_lax=…; Path=/"),
        (
            "/cross-site/set-cookies",
            ["none_secure_cookie", "SameSite"],
            "none_secure_cookie=none_secure_value; Secure; Path=/",
        ),
        (
            "/cross-site/set-partitioned-cookie",
            ["partitioned_cookie", "Partitioned"],
            "partitioned_cookie=partitioned_value; Secure; Path=/; SameSite=None",
        ),
        (
            "/cross-site/set-prefixed-cookies",
            ["__Host-kept_cookie", "Secure"],
            "__Host-kept_cookie=kept; Path=/",
        ),
        (
            "/cross-site/set-domain-cookies",
            ["domain_cookie", "Domain"],
            "domain_cookie=domain_value; Path=/",
        ),
    ],
)
def test_a_variant_drops_exactly_one_attribute_of_one_cookie(path, drop, header):
    # A login's session value is new each time: "…" in both.
    real, variant = (
        [re.sub(r"=[0-9a-f]{16};", "=…;", h) for h in headers(path, drop=d)] for d in (None, drop)
    )
    changed = [(r, v) for r, v in zip(real, variant, strict=True) if r != v]
    assert len(changed) == 1 and changed[0][1].startswith(drop[0] + "=")
    assert changed[0][1] == header


def test_a_bad_drop_attribute_is_one_config_error():
    with pytest.raises(ConfigError, match="DROP_ATTRIBUTE must be"):
        create_app({"DROP_ATTRIBUTE": ["x", "HttpOnly"]})


def test_the_page_says_which_site_and_where_the_request_came_from(client):
    html = client.get(
        "/cross-site/landing", headers={**LAB, "Sec-Fetch-Site": "cross-site"}
    ).get_data(as_text=True)
    assert '<b id="site" data-site="lab.localhost">lab.localhost</b>, the lab site' in html
    assert '<code id="fetch-site">cross-site</code>' in html
    html = client.get("/cross-site/landing", headers=OTHER).get_data(as_text=True)
    assert '<b id="site" data-site="other.localhost">other.localhost</b>, another site' in html
    assert '<code id="fetch-site">(not sent)</code>' in html
    html = client.get("/").get_data(as_text=True)
    assert '<b id="site" data-site="localhost">localhost</b>, the lab' in html


def test_the_other_sites_page_points_at_the_lab_site_on_the_same_port(client):
    html = client.get("/cross-site/elsewhere?embed=frame,fetch", headers=OTHER).get_data(
        as_text=True
    )
    assert 'href="http://lab.localhost:5000/cross-site/landing?via=link"' in html
    assert 'action="http://lab.localhost:5000/cross-site/landing?via=form"' in html
    assert 'data-lab="http://lab.localhost:5000"' in html and 'data-embed="frame,fetch"' in html
    assert client.get("/cross-site/elsewhere?embed=anything", headers=OTHER).status_code == 400


def test_the_lab_logs_what_each_way_in_carried(client):
    client.set_cookie("none_secure_cookie", "v", domain="lab.localhost")
    client.post("/cross-site/landing?via=form&n=7", headers={**LAB, "Sec-Fetch-Site": "cross-site"})
    log = client.get("/cross-site/received?as=json&n=7", headers=LAB).get_json()
    assert log == [
        {
            "via": "form",
            "n": "7",
            "method": "POST",
            "fetch_site": "cross-site",
            "cookies": ["none_secure_cookie"],
        }
    ]
    html = client.get("/cross-site/received", headers=LAB).get_data(as_text=True)
    assert (
        '<tr data-via="form" data-fetch-site="cross-site" data-cookies="none_secure_cookie">'
        in html
    )


def test_only_another_localhost_site_may_read_the_lab_and_a_fetch_with_credentials(client):
    origin = {"Origin": "http://other.localhost:5000"}
    fetched = client.get("/cross-site/landing?as=json&via=fetch", headers={**LAB, **origin})
    assert fetched.headers["Access-Control-Allow-Origin"] == "http://other.localhost:5000"
    assert fetched.headers["Access-Control-Allow-Credentials"] == "true"
    assert fetched.get_json() == {"carried": [], "via": "fetch"}
    log = client.get("/cross-site/received?as=json", headers={**LAB, **origin})
    assert "Access-Control-Allow-Credentials" not in log.headers
    elsewhere = client.get("/cross-site/landing?as=json", headers={"Origin": "http://evil.test"})
    assert "Access-Control-Allow-Origin" not in elsewhere.headers
    image = client.get("/cross-site/landing?as=image&via=image")
    assert image.headers["Content-Type"] == "image/gif" and image.data.startswith(b"GIF89a")


def _outcome(response):
    html = response.get_data(as_text=True)
    return html.split('id="transfer-outcome"')[1].split(">", 1)[1].split("<", 1)[0]


def test_a_transfer_needs_its_session_cookie_and_on_token_its_csrf_token(client):
    bank = client.get("/cross-site/bank", headers=LAB).get_data(as_text=True)
    token = bank.split('name="csrf_token" value="')[1].split('"')[0]
    post = lambda guard, **form: client.post(  # noqa: E731
        f"/cross-site/transfer/{guard}", headers=LAB, data={"amount": "5", **form}
    )
    assert _outcome(post("unguarded")) == "done: 5 transferred to account 666"
    assert _outcome(post("token")).startswith("refused: the session cookie arrived, but no")
    assert _outcome(post("token", csrf_token="0" * 64)).startswith("refused: the session")
    assert _outcome(post("token", csrf_token=token)) == "done: 5 transferred to account 666"
    client.delete_cookie("bank_session_lax", domain="localhost")
    client.delete_cookie("bank_session_lax")
    fresh = create_app({"TESTING": True}).test_client()
    assert _outcome(fresh.post("/cross-site/transfer/lax")).startswith(
        "refused: no bank_session_lax cookie arrived"
    )
    assert _outcome(fresh.get("/cross-site/transfer/lax")) == "nothing done: a transfer is a POST"
