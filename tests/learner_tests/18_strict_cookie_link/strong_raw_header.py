"""Strong: the raw Cookie header the link's request sent, parsed, from another site."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait


def test_the_link_carries_lax_not_strict(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    driver.get(other_url + "/cross-site/elsewhere")
    link = driver.find_element(By.ID, "link-to-lab")
    link.click()
    WebDriverWait(driver, 5).until(ec.staleness_of(link))
    WebDriverWait(driver, 5).until(ec.presence_of_element_located((By.ID, "cookie-header")))
    header = driver.find_element(By.ID, "cookie-header").text
    pairs = [p.split("=", 1) for p in header.split("; ") if "=" in p]
    assert driver.find_element(By.ID, "fetch-site").text == "cross-site"
    assert ["lax_cookie", "lax_value"] in pairs
    assert "strict_cookie" not in [name for name, _ in pairs]
