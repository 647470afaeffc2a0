"""Weak: only the Max-Age the page lists; no wait at all."""

from selenium.webdriver.common.by import By

MISSES = "expiry-shown-not-sent"


def sets(driver):
    """What the page says its response set: the server's claim, not the browser's."""
    items = driver.find_elements(By.CSS_SELECTOR, "#set-cookie-headers code")
    return [item.text.removeprefix("Set-Cookie: ") for item in items]


def test_the_cookie_has_a_max_age(driver, lab_url, expiry_seconds):
    driver.get(lab_url + "/set-expiring-cookie")
    assert any(f"Max-Age={expiry_seconds};" in header for header in sets(driver))
