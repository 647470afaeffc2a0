"""Weak: deletes cookies it never set, so there is nothing to leave behind."""

MISSES = "delete-by-name-only"


def test_the_jar_is_empty_after_deleting(driver, lab_url):
    driver.get(lab_url + "/delete-cookies")
    assert driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"] == []
