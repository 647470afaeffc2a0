"""Weak: the bank's own form makes a transfer; nobody attacks."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "csrf-token-not-checked"


def test_the_bank_works(driver, lab_url):
    driver.get(lab_url + "/cross-site/bank")
    driver.find_element(By.ID, "bank-transfer-button").click()
    WebDriverWait(driver, 5).until(lambda d: "/cross-site/transfer/token" in d.current_url)
    outcome = WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "transfer-outcome"))
    assert outcome.get_attribute("data-done") == "yes"
