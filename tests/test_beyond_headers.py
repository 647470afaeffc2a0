"""The exact Set-Cookie headers of the beyond-the-tutorial routes, through the Flask test client."""

import re
import warnings
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from helpers import set_cookies

from lab_app.beyond import TRICKY_VALUES


def expires_in(header):
    """How far ahead the header's Expires date lies."""
    [date] = re.findall(r"Expires=([^;]+)", header)
    return parsedate_to_datetime(date) - datetime.now(UTC)


def test_httponly_cookie_beside_a_script_visible_one(client):
    assert set_cookies(client, "/set-httponly-cookie") == [
        "httponly_cookie_name=httponly_cookie_value; HttpOnly; Path=/",
        "script_cookie_name=script_cookie_value; Path=/",
    ]


def test_oversized_cookies_take_4096_and_4097_bytes_of_name_and_value(client):
    kept, dropped = set_cookies(client, "/set-oversized-cookies")
    for header, name, size in (
        (kept, "kept_size_cookie", 4096),
        (dropped, "dropped_size_cookie", 4097),
    ):
        name_value = header.removesuffix("; Path=/")
        assert name_value.startswith(f"{name}=")
        assert len(name_value) - 1 == size  # the "=" is not counted


def test_oversized_cookies_warnings_are_shown_on_the_page_not_raised(client):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning that escaped the route would fail here
        html = client.get("/set-oversized-cookies").get_data(as_text=True)
    for name, size in (("kept_size_cookie", 4096), ("dropped_size_cookie", 4097)):
        assert (
            f"The &#39;{name}&#39; cookie is too large: the value was {size - len(name)} bytes"
            in html
        )
    assert html.count("the limit is 4093 bytes") == 2


def test_capped_cookies_ask_for_500_days_by_expires_and_by_timedelta_max_age(client):
    by_expires, by_max_age = set_cookies(client, "/set-capped-cookies")
    assert re.fullmatch(
        r"capped_expires_cookie=capped_expires_value; Expires=[^;]+; Path=/", by_expires
    )
    assert re.fullmatch(
        r"capped_max_age_cookie=capped_max_age_value; Expires=[^;]+; Max-Age=43200000; Path=/",
        by_max_age,
    )
    for header in (by_expires, by_max_age):
        assert abs(expires_in(header) - timedelta(days=500)) < timedelta(seconds=5)


def test_expires_cookie_carries_a_date_30_days_ahead_and_no_max_age(client):
    [header] = set_cookies(client, "/set-expires-cookie")
    assert re.fullmatch(r"expires_cookie_name=expires_cookie_value; Expires=[^;]+; Path=/", header)
    assert abs(expires_in(header) - timedelta(days=30)) < timedelta(seconds=5)


def test_a_past_expires_date_is_sent_as_is(client):
    assert set_cookies(client, "/expire-with-past-date") == [
        "expires_cookie_name=expires_cookie_value; Expires=Sat, 01 Jan 2000 00:00:00 GMT; Path=/"
    ]


def test_samesite_unset_lax_and_strict(client):
    assert set_cookies(client, "/set-samesite-cookies") == [
        "samesite_unset_cookie=samesite_unset_value; Path=/",
        "samesite_lax_cookie=samesite_lax_value; Path=/; SameSite=Lax",
        "samesite_strict_cookie=samesite_strict_value; Path=/; SameSite=Strict",
    ]


@pytest.mark.parametrize("path", ["/set-path-cookiex", "/SET-PATH-COOKIE"])
def test_path_lookalikes_are_routes_that_set_nothing(client, path):
    assert set_cookies(client, path) == []


def test_tricky_values_are_quoted_and_octal_escaped(client):
    assert set_cookies(client, "/set-tricky-value-cookies") == [
        'space_cookie="hello world"; Path=/',
        r'quote_cookie="say \"hi\""; Path=/',
        r'comma_cookie="one\054two"; Path=/',
        r'semicolon_cookie="one\073two"; Path=/',
        r'non_ascii_cookie="caf\303\251 \342\230\225"; Path=/',
    ]


def test_tricky_values_come_back_decoded(client):
    client.get("/set-tricky-value-cookies")
    html = client.get("/").get_data(as_text=True)
    for name, value in TRICKY_VALUES.items():
        shown = value.replace('"', "&#34;")
        assert f'<tr data-cookie-name="{name}"><td class="cookie-name">{name}</td>' in html
        assert f'<td class="cookie-value">{shown}</td>' in html


def test_secure_cookie(client):
    assert set_cookies(client, "/set-secure-cookie") == [
        "secure_cookie_name=secure_cookie_value; Secure; Path=/"
    ]
