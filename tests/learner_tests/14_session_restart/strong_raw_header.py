"""Strong: which cookie WebDriver says expires, then the raw Cookie header at
/set-path-cookie/anything before and after the restart."""

from selenium.webdriver.common.by import By


def sent(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie/anything")
    text = driver.find_element(By.ID, "cookie-header").text
    return set(text.split("; ")) if "=" in text else set()


def test_the_header_loses_the_session_cookie_only(driver, lab_url, restart_browser):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/set-long-lasting-cookie")
    lasting = {c["name"]: "expiry" in c for c in driver.get_cookies()}
    assert lasting == {"cookie_name": False, "long_cookie_name": True}
    both = {"cookie_name=cookie_value", "long_cookie_name=long_cookie_value"}
    assert sent(driver, lab_url) == both
    driver = restart_browser()
    driver.get(lab_url + "/")
    assert sent(driver, lab_url) == {"long_cookie_name=long_cookie_value"}
