"""Weak: the session cookies' SameSite, as the jar holds them after logging in."""

MISSES = "csrf-token-not-checked"


def test_the_session_cookies(driver, lab_url):
    driver.get(lab_url + "/cross-site/bank")
    assert driver.get_cookie("bank_session_lax")["sameSite"] == "Lax"
    assert driver.get_cookie("bank_session")["value"]
