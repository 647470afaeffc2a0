"""Strong: the page that set it got no cookie; DevTools holds exactly cookie_name at /; the
next request's raw Cookie header carries it."""

from selenium.webdriver.common.by import By


def test_stored_at_once_and_sent_from_the_next_request_on(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    assert driver.find_element(By.ID, "cookie-header").text == "(no Cookie header was sent)"
    cookies = driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]
    assert [(c["name"], c["value"], c["path"]) for c in cookies] == [
        ("cookie_name", "cookie_value", "/")
    ]
    driver.get(lab_url + "/")
    assert driver.find_element(By.ID, "cookie-header").text == "cookie_name=cookie_value"
