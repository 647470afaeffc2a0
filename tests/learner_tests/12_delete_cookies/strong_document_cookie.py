"""Strong: page scripts under the path cookie's path see all three, then nothing."""


def seen_below_the_path(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie/anything")
    text = driver.execute_script("return document.cookie")
    return sorted(pair.split("=")[0] for pair in text.split("; ") if pair)


def test_scripts_see_nothing_after_the_deletion(driver, lab_url):
    for path in ("/set-long-lasting-cookie", "/set-path-cookie", "/set-cookie"):
        driver.get(lab_url + path)
    assert seen_below_the_path(driver, lab_url) == [
        "cookie_name",
        "long_cookie_name",
        "path_cookie_name",
    ]
    driver.get(lab_url + "/delete-cookies")
    assert seen_below_the_path(driver, lab_url) == []
