"""Weak: waits until the cookie is no longer carried, never checks that it ever was."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "expiry-at-once"


def test_the_cookie_goes(driver, lab_url, expiry_seconds):
    driver.get(lab_url + "/set-expiring-cookie")

    def gone(driver):
        driver.get(lab_url + "/")
        return not driver.find_elements(
            By.CSS_SELECTOR, '[data-cookie-name="expiring_cookie_name"]'
        )

    WebDriverWait(driver, expiry_seconds + 3, poll_frequency=0.25).until(gone)
