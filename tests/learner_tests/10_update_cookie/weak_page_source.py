"""Weak: the new value is on the next page; under which name goes unchecked."""

MISSES = "update-sets-new-name"


def test_the_new_value_comes_back(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/update-cookie")
    driver.get(lab_url + "/")
    assert "updated_cookie_value" in driver.page_source
