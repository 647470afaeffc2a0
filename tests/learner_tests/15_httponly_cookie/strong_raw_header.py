"""Strong: the server gets both in its raw Cookie header; a script can neither read nor forge
the HttpOnly one."""

from selenium.webdriver.common.by import By


def test_scripts_cannot_touch_the_httponly_cookie(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    driver.get(lab_url + "/")
    sent = driver.find_element(By.ID, "cookie-header").text.split("; ")
    assert sorted(sent) == [
        "httponly_cookie_name=httponly_cookie_value",
        "script_cookie_name=script_cookie_value",
    ]
    assert (
        driver.execute_script("return document.cookie") == "script_cookie_name=script_cookie_value"
    )
    driver.execute_script("document.cookie = 'httponly_cookie_name=forged; path=/'")
    driver.get(lab_url + "/")
    assert "httponly_cookie_name=httponly_cookie_value" in driver.find_element(
        By.ID, "cookie-header"
    ).text.split("; ")
