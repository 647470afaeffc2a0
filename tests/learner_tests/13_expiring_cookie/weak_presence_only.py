"""Weak: the next request carries the cookie; that it ever stops is never checked."""

MISSES = "expiry-never"


def test_the_cookie_is_carried(driver, lab_url):
    driver.get(lab_url + "/set-expiring-cookie")
    driver.get(lab_url + "/")
    assert "expiring_cookie_value" in driver.page_source
