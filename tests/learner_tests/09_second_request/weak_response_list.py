"""Weak: only the page's list of what /set-cookie set; never what the browser stored or sent."""

from selenium.webdriver.common.by import By

MISSES = "set-cookie-shown-not-sent"


def sets(driver):
    """What the page says its response set: the server's claim, not the browser's."""
    items = driver.find_elements(By.CSS_SELECTOR, "#set-cookie-headers code")
    return [item.text.removeprefix("Set-Cookie: ") for item in items]


def test_set_cookie_sets_it(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    assert sets(driver) == ["cookie_name=cookie_value; Path=/"]
