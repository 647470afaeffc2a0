"""Weak: sets two of the cookies, so a deletion that forgets the third looks fine."""

MISSES = "delete-keeps-long-cookie"


def test_delete_leaves_no_cookie(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/set-path-cookie")
    driver.get(lab_url + "/delete-cookies")
    driver.get(lab_url + "/set-path-cookie/anything")
    assert driver.get_cookies() == []
