"""Weak: right after the restart, but it never checks the session cookie existed before it."""

MISSES = "set-cookie-sets-nothing"


def test_only_the_long_cookie_is_left(driver, lab_url, restart_browser):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/set-long-lasting-cookie")
    driver = restart_browser()
    driver.get(lab_url + "/")
    assert driver.execute_script("return document.cookie") == "long_cookie_name=long_cookie_value"
