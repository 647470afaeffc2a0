"""Weak: its attacks come from the lab's own site. The lab refuses the attacker's page there
(404), so it copies the page from other_url into a lab page and clicks its token form and its
link from there: the Lax session cookie's SameSite from the jar, then same-site requests,
which carry every session. It misses a bank that takes the remember_me cookie for a session
when none arrived, as only another site's form leaves it."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "csrf-remember-me-transfers"


def outcome(driver, guard):
    WebDriverWait(driver, 5).until(
        lambda d: (
            f"/cross-site/transfer/{guard}" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )
    return driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done")


def test_the_attacker_page_on_the_labs_own_site(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/bank")
    assert driver.get_cookie("bank_session_lax")["sameSite"] == "Lax"
    driver.find_element(By.ID, "bank-transfer-button").click()
    assert outcome(driver, "token") == "yes"
    driver.get(other_url + "/cross-site/attacker")
    attacker = driver.find_element(By.ID, "attacker").get_attribute("outerHTML")
    for attack, guard in (("attack-token-button", "token"), ("attack-lax-link", "lax")):
        driver.get(lab_url + "/cross-site/bank")
        driver.execute_script("document.body.innerHTML = arguments[0]", attacker)
        driver.find_element(By.ID, attack).click()
        assert outcome(driver, guard) == "no"
