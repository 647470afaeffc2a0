"""Strong: one attack per test, each logged in afresh."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def done(driver, route):
    WebDriverWait(driver, 5).until(
        lambda d: (
            route in d.current_url and d.execute_script("return document.readyState") == "complete"
        )
    )
    return driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done")


def test_the_bank_obeys_its_own_form(driver, lab_url):
    driver.get(lab_url + "/cross-site/bank")
    driver.find_element(By.ID, "bank-transfer-button").click()
    assert done(driver, "/transfer/token") == "yes"


@pytest.mark.parametrize(
    "attack, route",
    [
        ("attack-lax-button", "/transfer/lax"),
        ("attack-token-button", "/transfer/token"),
        ("attack-lax-link", "/transfer/lax"),
    ],
)
def test_the_attack_fails(driver, lab_url, other_url, attack, route):
    driver.get(lab_url + "/cross-site/bank")
    driver.get(other_url + "/cross-site/attacker")
    driver.find_element(By.ID, attack).click()
    assert done(driver, route) == "no"
