"""Exercise 19, a reference answer: the bank's own form makes a transfer; another site's
forms, and its link, make none."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def transfer_made(driver, guard):
    """Wait (5 s at most) for the bank's answer at /cross-site/transfer/<guard>: "yes" when
    it made the transfer, "no" when it did not."""
    WebDriverWait(driver, 5).until(
        lambda d: (
            f"/cross-site/transfer/{guard}" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )
    return driver.find_element(By.ID, "transfer-outcome").get_attribute("data-done")


def test_another_sites_forms_cannot_make_a_transfer(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/bank")
    driver.find_element(By.ID, "bank-transfer-button").click()
    assert transfer_made(driver, "token") == "yes"  # the bank's own form, with its token
    # The Lax session cookie stays home on another site's POST; the token route's cookie
    # goes along, but without the token; a link is a GET, which must change nothing.
    for attack, guard in (
        ("attack-lax-button", "lax"),
        ("attack-token-button", "token"),
        ("attack-lax-link", "lax"),
    ):
        driver.get(other_url + "/cross-site/attacker")
        driver.find_element(By.ID, attack).click()
        assert transfer_made(driver, guard) == "no", attack
