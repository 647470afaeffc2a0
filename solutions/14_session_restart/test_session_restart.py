"""Exercise 14, a reference answer: a browser restart ends the session cookie, and only it."""

from selenium.webdriver.common.by import By


def carried(driver, name):
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_a_restart_ends_the_session_cookie_only(driver, lab_url, restart_browser):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/set-long-lasting-cookie")
    driver.get(lab_url + "/")
    assert carried(driver, "cookie_name") == ["cookie_value"]
    assert carried(driver, "long_cookie_name") == ["long_cookie_value"]

    driver = restart_browser()  # a new browser on the same profile: use the new driver
    driver.get(lab_url + "/")
    assert carried(driver, "cookie_name") == []
    assert carried(driver, "long_cookie_name") == ["long_cookie_value"]
