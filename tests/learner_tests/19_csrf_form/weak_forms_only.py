"""Weak: both of the attacker's forms fail; its links are never followed."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MISSES = "transfer-on-get"


def test_the_forms_fail(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/bank")
    for guard in ("lax", "token"):
        driver.get(other_url + "/cross-site/attacker")
        driver.find_element(By.ID, f"attack-{guard}-button").click()
        WebDriverWait(driver, 5).until(
            lambda d, guard=guard: (
                f"/transfer/{guard}" in d.current_url
                and d.execute_script("return document.readyState") == "complete"
            )
        )
        assert driver.find_element(By.ID, "transfer-outcome").text.startswith("refused")
