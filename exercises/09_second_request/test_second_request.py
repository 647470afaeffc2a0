"""Exercise 9: Test that a cookie comes back on the next request.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By


def carried(driver, name):
    """The values the last request carried for ``name``, read off the lab page's table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_the_cookie_comes_back_on_the_next_request(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    # TODO: prove that this request carried no cookie_name, that the browser stored the
    # cookie anyway, and that the next request (to /) carries cookie_name=cookie_value.
