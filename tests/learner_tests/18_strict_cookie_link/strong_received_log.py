"""Strong: what the lab logged for the link, read back from its /cross-site/received table."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def test_the_lab_logged_lax_not_strict(driver, lab_url, other_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    driver.get(other_url + "/cross-site/elsewhere")
    driver.find_element(By.ID, "link-to-lab").click()
    WebDriverWait(driver, 5).until(
        lambda d: (
            "/cross-site/landing" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )
    driver.get(lab_url + "/cross-site/received")
    row = driver.find_element(By.CSS_SELECTOR, '#what-the-lab-received tr[data-via="link"]')
    assert row.get_attribute("data-fetch-site") == "cross-site"
    cookies = row.get_attribute("data-cookies").split()
    assert "lax_cookie" in cookies and "strict_cookie" not in cookies
