"""Weak: only the deletions the page lists; never the jar."""

from selenium.webdriver.common.by import By

MISSES = "delete-shown-not-sent"


def sets(driver):
    """What the page says its response set: the server's claim, not the browser's."""
    items = driver.find_elements(By.CSS_SELECTOR, "#set-cookie-headers code")
    return [item.text.removeprefix("Set-Cookie: ") for item in items]


def test_the_deletions_name_their_paths(driver, lab_url):
    driver.get(lab_url + "/delete-cookies")
    said = " ".join(sets(driver))
    assert "path_cookie_name=;" in said and "Path=/set-path-cookie" in said
    assert "long_cookie_name=;" in said and "Max-Age=0" in said
