"""Weak: carried at its own path, not at /; the look-alike path is never visited."""

from selenium.webdriver.common.by import By

MISSES = "path-cookie-on-lookalike"


def carried(driver):
    return driver.find_elements(By.CSS_SELECTOR, '[data-cookie-name="path_cookie_name"]')


def test_carried_at_its_path_only(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie")
    driver.get(lab_url + "/set-path-cookie")
    assert len(carried(driver)) == 1
    driver.get(lab_url + "/")
    assert carried(driver) == []
