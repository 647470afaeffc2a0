"""Weak: some cookie holds the new value where it was set; whether it replaced the old one, or
sits beside it, goes unchecked."""

MISSES = "update-adds-second-cookie"


def test_the_value_is_updated(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/update-cookie")
    values = [cookie["value"] for cookie in driver.get_cookies()]
    assert "updated_cookie_value" in values
