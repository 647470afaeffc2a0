"""Each cross-site scenario fails against a lab that sets its one key cookie without the
attribute its lesson rests on (the exact headers: test_cross_site_headers.py), in the
session's shared browser. That each passes on the real lab: test_scenarios.py."""

import pytest
from helpers import SHORT_EXPIRY_SECONDS

from lab_app import create_app
from scenarios.content.catalog import SCENARIOS, select
from scenarios.core.config import Config
from scenarios.lab.facade import Lab
from scenarios.lab.server import LabServer
from scenarios.tracks.runner import run_one

pytestmark = pytest.mark.browser

# Scenario: (the attribute dropped, the step it fails at, what it says).
WITHOUT = {
    "samesite-in-action": (
        ["strict_cookie", "SameSite"],
        "A link on other.localhost to the lab: every cookie but strict_cookie",
        "expected the request to /cross-site/landing not to carry strict_cookie, but it "
        "carried strict_cookie=strict_value",
    ),
    "csrf": (
        ["bank_session_lax", "SameSite"],
        "It posts to /transfer/lax: bank_session_lax stays home, the attack fails",
        "expected the request to /cross-site/transfer/lax not to carry bank_session_lax, but "
        "it carried bank_session_lax=",
    ),
    "third-party": (
        ["none_secure_cookie", "SameSite"],
        "other.localhost frames the lab: a third-party frame gets none_secure_cookie alone",
        "expected the frame to carry none_secure_cookie, but it carried no cookie",
    ),
    "partitioned": (
        ["partitioned_cookie", "Partitioned"],
        "other.localhost frames the lab, which sets partitioned_cookie inside the frame",
        "expected partitioned_cookie kept in other.localhost's partition, but the browser "
        "keeps it in no partition",
    ),
    "prefixes": (
        ["__Host-kept_cookie", "Secure"],
        "The browser keeps the two that keep their promise: Secure, and for __Host- Path=/ "
        "and no Domain",
        "expected the browser to store a cookie named __Host-kept_cookie, but it holds only "
        "__Secure-kept_cookie",
    ),
    "domain": (
        ["domain_cookie", "Domain"],
        "Kept: host_only_cookie for lab.localhost alone, domain_cookie for .lab.localhost",
        "expected domain_cookie kept for .lab.localhost and below, but it is for lab.localhost",
    ),
}


def test_every_scenario_on_two_sites_has_its_variant():
    assert {s.name for s in SCENARIOS if s.needs_sites} == set(WITHOUT)


@pytest.mark.parametrize("name", WITHOUT)
def test_it_fails_without_the_attribute_that_makes_it_work(name, browser):
    drop, step, message = WITHOUT[name]
    app = create_app({"EXPIRY_SECONDS": SHORT_EXPIRY_SECONDS, "DROP_ATTRIBUTE": drop})
    with LabServer(app) as server:
        # No overlay: a watched failure stays up five seconds for the class.
        lab = Lab(browser, server.url, Config(expiry_seconds=SHORT_EXPIRY_SECONDS))
        result = run_one(select([name])[0], lab, lambda *event: None)
    assert not result.passed
    failed = result.steps[-1]
    assert (failed.passed, failed.narration) == (False, step)
    assert failed.message.startswith(message), failed.message


def test_the_full_chromium_allows_third_party_cookies_as_the_headless_shell_does():
    """The full Chromium 156 blocks them by default: a class would see the lab frame inside
    other.localhost get nothing where the tests' headless shell sends SameSite=None."""
    from scenarios.browser.options import browser_options

    prefs = browser_options(Config(), None).experimental_options["prefs"]
    assert prefs["profile.cookie_controls_mode"] == 0
