"""Weak: only where it must not go; that it goes anywhere at all is unchecked."""

MISSES = "path-cookie-trailing-slash"


def test_not_carried_outside_its_path(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie")
    for path in ("/", "/set-path-cookie-alternate"):
        driver.get(lab_url + path)
        assert "path_cookie_value" not in driver.page_source, path
