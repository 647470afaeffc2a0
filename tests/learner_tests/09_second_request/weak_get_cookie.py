"""Weak: the browser stored the cookie; whether the next request carries it is unchecked."""

MISSES = "session-cookie-own-path"


def test_the_cookie_is_stored(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    assert driver.get_cookie("cookie_name")["value"] == "cookie_value"
