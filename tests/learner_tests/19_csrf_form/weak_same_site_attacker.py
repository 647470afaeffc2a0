"""Weak: never uses other_url. The Lax session's SameSite from the jar, then the attacker's page
opened on the lab's own site (the same routes answer on every name): its token form and its
link. No request here comes from another site, yet it catches all three broken labs: graded
solved today (a grading hole). MISSES names a lab it does not miss: no broken lab yet tells it
from a cross-site test (one where bank_session_lax is Lax in the jar but the bank still
honours it on another site's POST, or an attacker page whose forms differ by origin, would)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "csrf-lax-session-none"


def outcome(driver, guard):
    WebDriverWait(driver, 5).until(
        lambda d: (
            f"/cross-site/transfer/{guard}" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )
    return driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done")


def test_the_attacker_page_on_the_labs_own_site(driver, lab_url):
    driver.get(lab_url + "/cross-site/bank")
    assert driver.get_cookie("bank_session_lax")["sameSite"] == "Lax"
    driver.find_element(By.ID, "bank-transfer-button").click()
    assert outcome(driver, "token") == "yes"
    for attack, guard in (("attack-token-button", "token"), ("attack-lax-link", "lax")):
        driver.get(lab_url + "/cross-site/attacker")
        driver.find_element(By.ID, attack).click()
        assert outcome(driver, guard) == "no"
