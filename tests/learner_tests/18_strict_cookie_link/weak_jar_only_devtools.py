"""Weak: the SameSite of every cookie in the jar, read through DevTools right after the lab sets
them. It never follows the other site's link, so it never sees what a cross-site request
carries, yet every broken lab of exercise 18 sets a wrong attribute that the jar shows: graded
solved today (a grading hole). A broken lab whose jar is right but whose link carries
strict_cookie anyway would be its MISSES; none exists, so MISSES names one it does not miss,
and tests/test_learner_tests.py reports it solved."""

MISSES = "strict-cookie-set-lax"


def test_the_jar_holds_each_cookie_once_with_its_samesite(driver, lab_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    same_site = {}
    for cookie in driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]:
        same_site.setdefault(cookie["name"], []).append(cookie.get("sameSite"))
    assert same_site["strict_cookie"] == ["Strict"]
    assert same_site["lax_cookie"] == ["Lax"]
