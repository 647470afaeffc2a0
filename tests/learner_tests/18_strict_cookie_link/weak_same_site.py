"""Weak: both cookies arrive at the landing page typed in, from the lab's own site only."""

from selenium.webdriver.common.by import By

MISSES = "strict-cookie-set-lax"


def test_both_cookies_arrive(driver, lab_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    driver.get(lab_url + "/cross-site/landing")
    names = [
        c.text for c in driver.find_elements(By.CSS_SELECTOR, "#received-cookies .cookie-name")
    ]
    assert "strict_cookie" in names and "lax_cookie" in names
