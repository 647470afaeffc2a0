"""Weak: the attack on the token route fails; the Lax route is never attacked."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "csrf-lax-session-none"


def test_the_token_form_fails(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/bank")
    driver.get(other_url + "/cross-site/attacker")
    driver.find_element(By.ID, "attack-token-button").click()
    WebDriverWait(driver, 5).until(
        lambda d: (
            "/transfer/token" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )
    assert driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done") == "no"
