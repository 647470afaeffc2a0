"""Exercise 13, a reference answer: the expiring cookie is carried, then, once its seconds
have passed, never again; proved with an explicit wait, not a fixed sleep."""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def carried(driver, name):
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_the_expiring_cookie_expires(driver, lab_url, expiry_seconds):
    driver.get(lab_url + "/set-expiring-cookie")
    set_at = time.time()
    stored = driver.get_cookie("expiring_cookie_name")
    assert stored is not None, "the browser stored no expiring_cookie_name"
    # The browser's own record says when: about expiry_seconds from now (whole seconds).
    assert "expiry" in stored, "the cookie has no expiry: it would live as long as the browser"
    assert abs(stored["expiry"] - (set_at + expiry_seconds)) <= 2

    driver.get(lab_url + "/")
    assert carried(driver, "expiring_cookie_name") == ["expiring_cookie_value"]

    def no_longer_carried(driver):
        driver.get(lab_url + "/")
        return carried(driver, "expiring_cookie_name") == []

    # Reload until it is gone, for at most its life and a margin: no fixed pause.
    WebDriverWait(driver, expiry_seconds + 3, poll_frequency=0.25).until(
        no_longer_carried, message=f"still carried {expiry_seconds + 3} s after it was set"
    )
