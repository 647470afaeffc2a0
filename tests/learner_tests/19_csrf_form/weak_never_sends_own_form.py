"""Weak: logs in at the bank but never sends its own form, so it never proves the bank's own
form works (half the goal). No broken lab refuses the bank's own form, so today this is
graded Solved: MISSES names the lab that would catch it, which does not exist yet."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "csrf-own-form-refused"


def done(driver, guard):
    WebDriverWait(driver, 5).until(
        lambda d: (
            f"/cross-site/transfer/{guard}" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )
    return driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done")


def test_no_attack_transfers(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/bank")
    for attack, guard in (
        ("attack-lax-button", "lax"),
        ("attack-token-button", "token"),
        ("attack-lax-link", "lax"),
    ):
        driver.get(other_url + "/cross-site/attacker")
        driver.find_element(By.ID, attack).click()
        assert done(driver, guard) == "no", attack
