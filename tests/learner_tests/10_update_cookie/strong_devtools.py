"""Strong: DevTools holds one cookie before the update and one, replaced, after it."""


def jar(driver):
    cookies = driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]
    return sorted((c["name"], c["path"], c["value"]) for c in cookies)


def test_the_update_replaces_the_only_cookie(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    assert jar(driver) == [("cookie_name", "/", "cookie_value")]
    driver.get(lab_url + "/update-cookie")
    assert jar(driver) == [("cookie_name", "/", "updated_cookie_value")]
