"""The exact Set-Cookie headers of every route, through the Flask test client."""

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from helpers import set_cookies

from lab_app import create_app

DELETED = "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/set-path-cookie/",
        "/set-path-cookie/anything",
        "/set-path-cookie/a/b",
        "/set-path-cookie-alternate",
    ],
)
def test_observing_routes_set_nothing(client, path):
    assert set_cookies(client, path) == []


def test_set_cookie_is_a_session_cookie_at_root(client):
    assert set_cookies(client, "/set-cookie") == ["cookie_name=cookie_value; Path=/"]


def test_update_cookie_overwrites_the_same_name_and_path(client):
    assert set_cookies(client, "/update-cookie") == ["cookie_name=updated_cookie_value; Path=/"]


def test_path_cookie_is_restricted_to_its_path(client):
    assert set_cookies(client, "/set-path-cookie") == [
        "path_cookie_name=path_cookie_value; Path=/set-path-cookie"
    ]


def assert_expiring(header, name, value, max_age):
    match = re.fullmatch(rf"{name}={value}; Expires=([^;]+); Max-Age={max_age}; Path=/", header)
    assert match, header
    expires = parsedate_to_datetime(match[1])
    expected = datetime.now(UTC) + timedelta(seconds=max_age)
    assert abs(expires - expected) < timedelta(seconds=5)


def test_expiring_cookie_lives_15_seconds(client):
    [header] = set_cookies(client, "/set-expiring-cookie")
    assert_expiring(header, "expiring_cookie_name", "expiring_cookie_value", 15)


def test_expiry_seconds_is_configurable():
    client = create_app({"EXPIRY_SECONDS": 3}).test_client()
    [header] = set_cookies(client, "/set-expiring-cookie")
    assert_expiring(header, "expiring_cookie_name", "expiring_cookie_value", 3)


def test_long_lasting_cookie_max_age_from_a_timedelta_is_400_days(client):
    [header] = set_cookies(client, "/set-long-lasting-cookie")
    assert "Max-Age=34560000" in header
    assert_expiring(header, "long_cookie_name", "long_cookie_value", 400 * 86400)


def test_overlong_cookie_asks_for_500_days(client):
    [header] = set_cookies(client, "/set-overlong-cookie")
    assert_expiring(header, "overlong_cookie_name", "overlong_cookie_value", 500 * 86400)


def test_delete_cookies_deletes_the_path_cookie_at_its_own_path(client):
    assert set_cookies(client, "/delete-cookies") == [
        f"cookie_name=; {DELETED}; Path=/",
        f"path_cookie_name=; {DELETED}; Path=/set-path-cookie",
        f"expiring_cookie_name=; {DELETED}; Path=/",
        f"long_cookie_name=; {DELETED}; Path=/",
        f"overlong_cookie_name=; {DELETED}; Path=/",
    ]


def test_naive_deletion_targets_root_for_every_cookie(client):
    # The tutorial's version: the path cookie's deletion carries Path=/, which matches nothing.
    assert set_cookies(client, "/delete-cookies-naive") == [
        f"cookie_name=; {DELETED}; Path=/",
        f"path_cookie_name=; {DELETED}; Path=/",
        f"expiring_cookie_name=; {DELETED}; Path=/",
        f"long_cookie_name=; {DELETED}; Path=/",
    ]
