"""Weak: the page's own document.cookie panel lacks the HttpOnly cookie, and the page says
HttpOnly somewhere; nothing shows either cookie arrived."""

from selenium.webdriver.common.by import By

MISSES = "httponly-cookie-not-set"


def test_the_page_hides_it_from_scripts(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    assert "HttpOnly" in driver.page_source
    driver.get(lab_url + "/")
    assert "httponly_cookie_name" not in driver.find_element(By.ID, "document-cookie").text
