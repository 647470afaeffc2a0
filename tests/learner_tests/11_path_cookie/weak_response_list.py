"""Weak: only the Path in the page's list; never where the cookie went."""

from selenium.webdriver.common.by import By

MISSES = "path-cookie-shown-not-sent"


def sets(driver):
    """What the page says its response set: the server's claim, not the browser's."""
    items = driver.find_elements(By.CSS_SELECTOR, "#set-cookie-headers code")
    return [item.text.removeprefix("Set-Cookie: ") for item in items]


def test_the_path_cookie_has_its_path(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie")
    assert sets(driver) == ["path_cookie_name=path_cookie_value; Path=/set-path-cookie"]
