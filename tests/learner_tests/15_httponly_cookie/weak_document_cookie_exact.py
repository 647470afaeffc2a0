"""Weak: page scripts see the script cookie alone; that the server gets the other is unchecked."""

MISSES = "httponly-cookie-not-set"


def test_scripts_see_only_the_script_cookie(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    driver.get(lab_url + "/")
    assert (
        driver.execute_script("return document.cookie") == "script_cookie_name=script_cookie_value"
    )
