"""Weak: the browser's record of the expiry, and no wait: a lab that keeps renewing the
cookie has the same record."""

import time

MISSES = "expiry-renewed-on-read"


def test_the_cookie_expires_in_time(driver, lab_url, expiry_seconds):
    driver.get(lab_url + "/set-expiring-cookie")
    left = driver.get_cookie("expiring_cookie_name")["expiry"] - time.time()
    assert expiry_seconds - 2 <= left <= expiry_seconds + 1
    driver.get(lab_url + "/")
