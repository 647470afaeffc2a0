"""Weak: drives no attack at all. The jar's SameSite, a GET typed into the address bar, and a
token-less POST built by a script on the lab's own page: each same-site, so each carries the
session, and it misses a bank that takes the remember_me cookie (SameSite=None) for a session
when none arrived, as only another site's form leaves it (see weak_same_site_attacker.py)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "csrf-remember-me-transfers"


def test_no_other_site(driver, lab_url):
    driver.get(lab_url + "/cross-site/bank")
    assert driver.get_cookie("bank_session_lax")["sameSite"] == "Lax"
    driver.get(lab_url + "/cross-site/transfer/lax?amount=1")
    assert driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done") == "no"
    driver.execute_script(
        "const f = document.createElement('form'); f.method = 'post';"
        "f.action = '/cross-site/transfer/token'; document.body.appendChild(f); f.submit();"
    )
    WebDriverWait(driver, 5).until(
        lambda d: "/transfer/token" in d.current_url and d.find_elements(By.ID, "transfer-outcome")
    )
    assert driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done") == "no"
