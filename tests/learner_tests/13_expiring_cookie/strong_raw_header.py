"""Strong: the raw Cookie header carries it, then, refreshed at /, never again, within a bound
the expiry WebDriver reports."""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def header(driver):
    return driver.find_element(By.ID, "cookie-header").text


def test_the_header_stops_carrying_it(driver, lab_url, expiry_seconds):
    driver.get(lab_url + "/set-expiring-cookie")
    left = driver.get_cookie("expiring_cookie_name")["expiry"] - time.time()
    assert left <= expiry_seconds + 1, f"it lives {left:.0f} s more"
    driver.get(lab_url + "/")
    assert header(driver) == "expiring_cookie_name=expiring_cookie_value"

    def gone(driver):
        driver.refresh()
        return header(driver) == "(no Cookie header was sent)"

    WebDriverWait(driver, expiry_seconds + 2, poll_frequency=0.2).until(gone)
