"""Exercise 13: Test that an expiring cookie expires, with an explicit wait.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By


def carried(driver, name):
    """The values the last request carried for ``name``, read off the lab page's table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_the_expiring_cookie_expires(driver, lab_url, expiry_seconds):
    driver.get(lab_url + "/set-expiring-cookie")
    # TODO: prove that expiring_cookie_name is carried now, and that within a little more
    # than expiry_seconds it is carried no more. Wait with WebDriverWait, not time.sleep.
