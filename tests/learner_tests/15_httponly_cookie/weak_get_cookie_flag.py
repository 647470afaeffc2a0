"""Weak: the HttpOnly flag on one cookie, with the other never looked at."""

MISSES = "httponly-on-script-cookie"


def test_the_cookie_is_httponly(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    assert driver.get_cookie("httponly_cookie_name")["httpOnly"] is True
