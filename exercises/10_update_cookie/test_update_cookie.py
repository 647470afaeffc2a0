"""Exercise 10: Test that setting a cookie again replaces its value.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By


def carried(driver, name):
    """The values the last request carried for ``name``, read off the lab page's table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_update_replaces_the_value(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/update-cookie")
    # TODO: prove that from now on every request carries exactly one cookie_name, and that
    # it holds updated_cookie_value.
