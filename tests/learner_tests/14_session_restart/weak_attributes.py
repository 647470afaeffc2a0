"""Weak: reads the two cookies' lifetimes and never restarts the browser."""

MISSES = "session-restored-by-long-cookie"


def test_one_session_cookie_one_lasting(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/set-long-lasting-cookie")
    assert "expiry" not in driver.get_cookie("cookie_name")
    assert "expiry" in driver.get_cookie("long_cookie_name")
