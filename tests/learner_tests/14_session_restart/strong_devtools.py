"""Strong: DevTools' whole jar and its session flags before the restart, and the jar after it,
once a page has loaded."""


def jar(driver):
    cookies = driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]
    return {c["name"]: c["session"] for c in cookies}


def test_the_restart_empties_the_jar_of_the_session_cookie(driver, lab_url, restart_browser):
    driver.get(lab_url + "/set-long-lasting-cookie")
    driver.get(lab_url + "/set-cookie")
    assert jar(driver) == {"cookie_name": True, "long_cookie_name": False}
    driver = restart_browser()
    driver.get(lab_url + "/")
    assert jar(driver) == {"long_cookie_name": False}
