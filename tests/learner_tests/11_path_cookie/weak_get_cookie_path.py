"""Weak: the cookie's Path attribute, read where it was set; other cookies by that name unseen."""

MISSES = "path-cookie-on-lookalike"


def test_the_cookie_has_the_right_path(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie")
    assert driver.get_cookie("path_cookie_name")["path"] == "/set-path-cookie"
