"""Weak: the next request carries the cookie; that the first did not is unchecked."""

from selenium.webdriver.common.by import By

MISSES = "set-cookie-redirects"


def test_the_next_request_carries_it(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/")
    cells = driver.find_elements(By.CSS_SELECTOR, 'tr[data-cookie-name="cookie_name"] td')
    assert [cell.text for cell in cells] == ["cookie_name", "cookie_value"]
