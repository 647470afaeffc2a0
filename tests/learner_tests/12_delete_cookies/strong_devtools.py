"""Strong: DevTools sees the three cookies in the whole jar, then none."""

NAMES = {"cookie_name", "path_cookie_name", "long_cookie_name"}


def jar(driver):
    return {c["name"] for c in driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]}


def test_the_whole_jar_is_emptied(driver, lab_url):
    for path in ("/set-cookie", "/set-path-cookie", "/set-long-lasting-cookie"):
        driver.get(lab_url + path)
    assert jar(driver) == NAMES
    driver.get(lab_url + "/delete-cookies")
    assert jar(driver) == set()
