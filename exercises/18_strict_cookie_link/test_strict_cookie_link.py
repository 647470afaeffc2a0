"""Exercise 18: Test that a Strict cookie stays home when another site links to the lab.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def carried(driver, name):
    """The values the request for this lab page carried for ``name``, off its table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def arrived(driver, path):
    """Wait (5 s at most) until the browser has loaded ``path``."""
    WebDriverWait(driver, 5).until(
        lambda d: (
            path in d.current_url and d.execute_script("return document.readyState") == "complete"
        )
    )


def test_a_strict_cookie_stays_home_on_a_link_from_another_site(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    # TODO: open other_url's /cross-site/elsewhere and follow its link to the lab (the one
    # with id link-to-lab); once arrived(driver, "/cross-site/landing"), prove the page came
    # from another site (its #fetch-site), carried lax_cookie, and did not carry strict_cookie.
