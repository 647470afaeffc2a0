"""Exercise 15, a reference answer: an HttpOnly cookie reaches the server, not page scripts."""

from selenium.webdriver.common.by import By


def carried(driver, name):
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_page_scripts_cannot_read_the_httponly_cookie(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    driver.get(lab_url + "/")
    # Both reach the server...
    assert carried(driver, "httponly_cookie_name") == ["httponly_cookie_value"]
    assert carried(driver, "script_cookie_name") == ["script_cookie_value"]
    # ...but a page script sees only the one without HttpOnly.
    seen = driver.execute_script("return document.cookie").split("; ")
    assert seen == ["script_cookie_name=script_cookie_value"]
