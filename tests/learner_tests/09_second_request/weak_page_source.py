"""Weak: the value is somewhere on the next page; its name and the first request unchecked."""

MISSES = "set-cookie-misnamed"


def test_the_cookie_comes_back(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/")
    assert "cookie_value" in driver.page_source
