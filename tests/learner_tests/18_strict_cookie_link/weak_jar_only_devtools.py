"""Weak: the SameSite of every cookie in the jar, read through DevTools right after the lab sets
them. It never follows the other site's link, so it never sees what a cross-site request
carries: it catches every lab that sets a wrong attribute, and misses the one whose jar is
right but whose landing page, reached from another site, reloads itself to get strict_cookie."""

MISSES = "strict-cookie-bounced"


def test_the_jar_holds_each_cookie_once_with_its_samesite(driver, lab_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    same_site = {}
    for cookie in driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]:
        same_site.setdefault(cookie["name"], []).append(cookie.get("sameSite"))
    assert same_site["strict_cookie"] == ["Strict"]
    assert same_site["lax_cookie"] == ["Lax"]
