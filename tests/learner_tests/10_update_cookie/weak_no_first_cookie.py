"""Weak: never sets the first value, so nothing is replaced: it tests a first set, not an update."""

from selenium.webdriver.common.by import By

MISSES = "update-only-if-missing"


def test_update_sets_the_new_value(driver, lab_url):
    driver.get(lab_url + "/update-cookie")
    driver.get(lab_url + "/")
    cells = driver.find_elements(By.CSS_SELECTOR, '[data-cookie-name="cookie_name"] .cookie-value')
    assert [cell.text for cell in cells] == ["updated_cookie_value"]
