"""Weak: the Strict cookie stays home, and nothing says the Lax one went along."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "lax-cookie-set-strict"


def test_strict_stays_home(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    driver.get(other_url + "/cross-site/elsewhere")
    driver.find_element(By.ID, "link-to-lab").click()
    WebDriverWait(driver, 5).until(
        lambda d: (
            "/cross-site/landing" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )
    assert "strict_cookie" not in driver.find_element(By.ID, "cookie-header").text
