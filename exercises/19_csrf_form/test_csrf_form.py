"""Exercise 19: Test that another site's forms cannot make a transfer.

The goal and the hints are in README.md beside this file.
"""

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
    # TODO: from other_url's /cross-site/attacker, send each of its attacks (the form to
    # /transfer/lax, the form to /transfer/token, the link to /transfer/lax) and prove that
    # none made a transfer.
