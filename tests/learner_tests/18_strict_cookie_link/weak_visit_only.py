"""Weak: follows the other site's link and checks it arrived from another site, no more."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "strict-cookie-set-lax"


def test_the_link_arrives(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    driver.get(other_url + "/cross-site/elsewhere")
    driver.find_element(By.ID, "link-to-lab").click()
    WebDriverWait(driver, 5).until(lambda d: "/cross-site/landing" in d.current_url)
    fetch_site = WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "fetch-site"))
    assert fetch_site.text == "cross-site"
