"""Weak: only the page's list of what /update-cookie set."""

from selenium.webdriver.common.by import By

MISSES = "update-shown-not-sent"


def sets(driver):
    """What the page says its response set: the server's claim, not the browser's."""
    items = driver.find_elements(By.CSS_SELECTOR, "#set-cookie-headers code")
    return [item.text.removeprefix("Set-Cookie: ") for item in items]


def test_update_sets_the_new_value(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/update-cookie")
    assert sets(driver) == ["cookie_name=updated_cookie_value; Path=/"]
