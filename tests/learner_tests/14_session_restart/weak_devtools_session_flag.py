"""Weak: DevTools' session flags, read without a restart."""

MISSES = "session-restored-by-long-cookie"


def test_devtools_flags_the_session_cookie(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/set-long-lasting-cookie")
    cookies = driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]
    assert {c["name"]: c["session"] for c in cookies} == {
        "cookie_name": True,
        "long_cookie_name": False,
    }
