"""Weak: never uses other_url. Opens the landing page on the lab's own site and reads the jar
for that URL (driver.get_cookies()): both cookies once, each with its SameSite. The goal is
what another site's link carries; it misses a lab whose jar is right but whose landing page
gets strict_cookie anyway on such a link (see weak_jar_only_devtools.py)."""

MISSES = "strict-cookie-bounced"


def test_the_landing_pages_jar(driver, lab_url):
    driver.get(lab_url + "/cross-site/set-cookies")
    driver.get(lab_url + "/cross-site/landing")
    same_site = {}
    for cookie in driver.get_cookies():
        same_site.setdefault(cookie["name"], []).append(cookie.get("sameSite"))
    assert same_site["strict_cookie"] == ["Strict"]
    assert same_site["lax_cookie"] == ["Lax"]
