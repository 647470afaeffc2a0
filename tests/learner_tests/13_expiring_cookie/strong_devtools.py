"""Strong: DevTools says when it ends (and that it is not a session cookie); page scripts see
it, then, reloading /, no longer."""

import time

from selenium.webdriver.support.ui import WebDriverWait


def scripts_see_it(driver):
    return "expiring_cookie_name=" in driver.execute_script("return document.cookie")


def test_it_ends_when_devtools_says(driver, lab_url, expiry_seconds):
    driver.get(lab_url + "/set-expiring-cookie")
    [cookie] = driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]
    assert not cookie["session"]
    assert cookie["expires"] - time.time() <= expiry_seconds + 1
    driver.get(lab_url + "/")
    assert scripts_see_it(driver)

    def gone(driver):
        driver.get(lab_url + "/")
        return not scripts_see_it(driver)

    WebDriverWait(driver, expiry_seconds + 2, poll_frequency=0.2).until(gone)
