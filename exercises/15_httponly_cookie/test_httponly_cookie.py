"""Exercise 15: Test that page scripts cannot read an HttpOnly cookie.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By


def carried(driver, name):
    """The values the last request carried for ``name``, read off the lab page's table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_page_scripts_cannot_read_the_httponly_cookie(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    driver.get(lab_url + "/")
    # TODO: prove that both cookies reached the server, and that document.cookie, read with
    # driver.execute_script, holds script_cookie_name but not httponly_cookie_name.
