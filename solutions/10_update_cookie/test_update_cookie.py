"""Exercise 10, a reference answer: setting a cookie again replaces its value."""

from selenium.webdriver.common.by import By


def carried(driver, name):
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_update_replaces_the_value(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/update-cookie")
    # Replaced, not added: one cookie_name, with the new value, wherever the browser sends it.
    for path in ("/", "/update-cookie"):
        driver.get(lab_url + path)
        assert carried(driver, "cookie_name") == ["updated_cookie_value"], path
