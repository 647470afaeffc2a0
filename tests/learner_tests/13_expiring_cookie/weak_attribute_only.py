"""Weak: the cookie has an expiry, of any length; nothing waits for it to end."""

MISSES = "expiry-60s"


def test_the_cookie_has_an_expiry(driver, lab_url):
    driver.get(lab_url + "/set-expiring-cookie")
    cookie = driver.get_cookie("expiring_cookie_name")
    assert cookie["value"] == "expiring_cookie_value"
    assert "expiry" in cookie
