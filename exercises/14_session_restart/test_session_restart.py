"""Exercise 14: Test that a browser restart ends the session cookie only.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By


def carried(driver, name):
    """The values the last request carried for ``name``, read off the lab page's table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_a_restart_ends_the_session_cookie_only(driver, lab_url, restart_browser):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/set-long-lasting-cookie")
    # TODO: restart the browser (driver = restart_browser()), then prove that the session
    # cookie, cookie_name, is gone and the 400-day cookie, long_cookie_name, is still carried.
