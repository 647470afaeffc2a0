"""Weak: looks for leftovers at /, where the path cookie is never carried anyway."""

from selenium.webdriver.common.by import By

MISSES = "delete-by-name-only"


def test_nothing_is_carried_after_deleting(driver, lab_url):
    for path in ("/set-cookie", "/set-path-cookie", "/set-long-lasting-cookie"):
        driver.get(lab_url + path)
    driver.get(lab_url + "/delete-cookies")
    driver.get(lab_url + "/")
    assert driver.find_elements(By.CSS_SELECTOR, "#received-cookies [data-cookie-name]") == []
