"""Weak: only the HttpOnly flags the page lists; no script asked."""

from selenium.webdriver.common.by import By

MISSES = "httponly-shown-not-sent"


def sets(driver):
    """What the page says its response set: the server's claim, not the browser's."""
    items = driver.find_elements(By.CSS_SELECTOR, "#set-cookie-headers code")
    return [item.text.removeprefix("Set-Cookie: ") for item in items]


def test_one_cookie_is_httponly(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    flags = {h.split("=")[0]: "HttpOnly" in h for h in sets(driver)}
    assert flags == {"httponly_cookie_name": True, "script_cookie_name": False}
