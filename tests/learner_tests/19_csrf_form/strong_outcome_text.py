"""Strong: every way in from the attacker's page, read from the bank's sentence."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait


def outcome(driver, element_id):
    element = driver.find_element(By.ID, element_id)
    element.click()
    WebDriverWait(driver, 5).until(ec.staleness_of(element))
    return (
        WebDriverWait(driver, 5)
        .until(ec.presence_of_element_located((By.ID, "transfer-outcome")))
        .text
    )


def test_no_way_in_makes_a_transfer(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/bank")
    assert outcome(driver, "bank-transfer-button").startswith("done")
    for element_id in (
        "attack-lax-button",
        "attack-token-button",
        "attack-lax-link",
        "attack-token-link",
    ):
        driver.get(other_url + "/cross-site/attacker")
        assert not outcome(driver, element_id).startswith("done"), element_id
