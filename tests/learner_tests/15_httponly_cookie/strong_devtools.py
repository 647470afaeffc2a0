"""Strong: DevTools' flags on both cookies, then what a script at / reads."""


def test_devtools_and_a_script_agree(driver, lab_url):
    driver.get(lab_url + "/set-httponly-cookie")
    cookies = driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]
    assert {c["name"]: c["httpOnly"] for c in cookies} == {
        "httponly_cookie_name": True,
        "script_cookie_name": False,
    }
    driver.get(lab_url + "/")
    assert (
        driver.execute_script("return document.cookie") == "script_cookie_name=script_cookie_value"
    )
