"""Exercise 12: Test that deleting cookies leaves none, the path cookie included.

The goal and the hints are in README.md beside this file.
"""

from selenium.webdriver.common.by import By


def carried_names(driver):
    """The names of every cookie the last request carried, read off the lab page."""
    rows = driver.find_elements(By.CSS_SELECTOR, "#received-cookies tr[data-cookie-name]")
    return sorted(row.get_attribute("data-cookie-name") for row in rows)


def test_delete_cookies_deletes_every_cookie(driver, lab_url):
    for path in ("/set-cookie", "/set-path-cookie", "/set-long-lasting-cookie"):
        driver.get(lab_url + path)
    driver.get(lab_url + "/delete-cookies")
    # TODO: prove that no cookie is left, the path cookie included: look where each of them
    # would be carried.
