"""Weak: the SameSite attributes as the jar holds them, read at the page that set them."""

MISSES = "strict-cookie-lax-twin"


def test_the_attributes(driver, lab_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    assert driver.get_cookie("strict_cookie")["sameSite"] == "Strict"
    assert driver.get_cookie("lax_cookie")["sameSite"] == "Lax"
