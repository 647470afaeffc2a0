"""Exercise 11: Test where a path cookie is carried.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By


def carried(driver, name):
    """The values the last request carried for ``name``, read off the lab page's table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_the_path_cookie_stays_on_its_path(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie")
    # TODO: prove that path_cookie_name is carried to /set-path-cookie and to
    # /set-path-cookie/anything, and never to / nor to /set-path-cookie-alternate.
