"""The Config is validated once, wherever it is built: bad values are one usage error each."""

import pytest

from scenarios.core.config import Config, check_host, is_loopback, parse_seconds
from scenarios.core.errors import UsageError


def test_the_command_line_wins_over_the_environment():
    env = {"COOKIE_LAB_EXPIRY_SECONDS": "5", "COOKIE_LAB_PAGE_LOAD_SECONDS": "3.5"}
    assert Config.from_env(env).expiry_seconds == 5
    assert Config.from_env(env).page_load_seconds == 3.5
    assert Config.from_env(env, expiry_seconds=7).expiry_seconds == 7
    # An option not given (None) leaves the environment's value alone.
    assert Config.from_env(env, expiry_seconds=None).expiry_seconds == 5


def test_empty_variables_count_as_unset():
    config = Config.from_env({"COOKIE_LAB_REMOTE_URL": "", "COOKIE_LAB_ADVERTISE_HOST": ""})
    assert config.remote_url is None and config.advertise_host == "127.0.0.1"


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"COOKIE_LAB_PAGE_LOAD_SECONDS": "soon"}, "COOKIE_LAB_PAGE_LOAD_SECONDS takes seconds"),
        ({"COOKIE_LAB_PAGE_LOAD_SECONDS": "0.1"}, "--page-load-timeout must be between"),
        ({"COOKIE_LAB_EXPIRY_SECONDS": "1.5"}, "must be a whole number of seconds"),
        ({"COOKIE_LAB_EXPIRY_SECONDS": "0"}, "must be at least 1 second"),
        ({"COOKIE_LAB_EXPIRY_SECONDS": "86401"}, "at most 86400 seconds"),
        ({"COOKIE_LAB_ADVERTISE_HOST": "http://x"}, "--advertise-host takes a host name"),
    ],
)
def test_a_bad_variable_is_one_usage_error(env, said):
    with pytest.raises(UsageError, match=said):
        Config.from_env(env)


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"slow_mo": 61}, "--slow-mo must be between 0 and 60"),
        ({"slow_mo": True}, "--slow-mo must be between"),  # a bool is not a number here
        ({"workers": 0}, "--workers must be between 1 and 16"),
        ({"port": 70000}, "--port must be between 0 and 65535"),
        ({"port": 6000}, "--port 6000 is a port browsers refuse to load"),
        ({"browser": "safari"}, "--browser must be chromium or firefox"),
        ({"base_url": "ftp://x"}, "--base-url must be an http"),
        ({"base_url": "http://x:99999"}, "--base-url 'http://x:99999' is not a URL"),
        ({"remote_url": "junk"}, "--remote-url must be an http"),
        ({"remote_url": "http://grid:port"}, "--remote-url 'http://grid:port' is not a URL"),
        ({"remote_url": "http://"}, "--remote-url 'http://' names no host"),
        ({"remote_url": "http://:4544"}, "--remote-url 'http://:4544' names no host"),
        ({"remote_url": "https://u:p@/wd"}, "--remote-url 'https://u:p@/wd' names no host"),
        ({"remote_url": "http://grid:0"}, "port 0 is not one to connect to"),
        ({"remote_url": "http://grid:-1"}, "--remote-url 'http://grid:-1' is not a URL"),
        ({"remote_url": "grid:4444"}, "--remote-url must be an http"),
        ({"base_url": "http://:5000"}, "--base-url 'http://:5000' names no host"),
        ({"step": True}, "--step paces a browser the class watches: add --headed"),
        ({"step": True, "headless": False, "workers": 2}, "--step shows one browser"),
    ],
)
def test_a_bad_value_is_refused_wherever_a_config_is_built(values, said):
    with pytest.raises(UsageError, match=said):
        Config(**values)


@pytest.mark.parametrize(
    ("host", "bare"),
    [("lab.example", "lab.example"), ("10.0.0.5", "10.0.0.5"), ("[::1]", "::1"), ("::1", "::1")],
)
def test_a_host_may_be_a_name_or_an_address_with_or_without_brackets(host, bare):
    assert check_host(host) == bare


@pytest.mark.parametrize(
    "host", ["", "0.0.0.0", "*", "::", "a/b", "user@h", "h\nx", "fe80::1%eth0"]
)
def test_a_host_the_browser_cannot_be_sent_to_is_refused(host):
    with pytest.raises(UsageError, match="--advertise-host"):
        check_host(host)


def test_the_lab_host_is_the_base_urls_when_one_is_given():
    assert Config(base_url="http://lab.example:8000/").lab_host == "lab.example"
    assert Config(advertise_host="10.0.0.5").lab_host == "10.0.0.5"


def test_loopback_is_localhost_or_a_loopback_address():
    assert all(map(is_loopback, ["localhost", "127.0.0.1", "127.3.4.5", "::1"]))
    assert not any(map(is_loopback, ["lab.example", "10.0.0.5", "localhost.example"]))


def test_seconds_are_whole():
    assert parse_seconds("15", "--expiry-seconds") == 15
    with pytest.raises(UsageError, match="--expiry-seconds must be a whole number"):
        parse_seconds("1e3", "--expiry-seconds")


def test_the_overlay_shows_when_headed_unless_told_otherwise():
    assert Config(headless=False).shows_overlay and not Config().shows_overlay
    assert (
        Config(overlay=True).shows_overlay
        and not Config(headless=False, overlay=False).shows_overlay
    )
