"""Strong: visits all four routes in one test and compares what page scripts saw at each."""

EXPECTED = {
    "/set-path-cookie": "path_cookie_name=path_cookie_value",
    "/set-path-cookie/anything": "path_cookie_name=path_cookie_value",
    "/": "",
    "/set-path-cookie-alternate": "",
}


def test_scripts_see_it_inside_its_path_only(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie")
    seen = {}
    for path in EXPECTED:
        driver.get(lab_url + path)
        seen[path] = driver.execute_script("return document.cookie")
    assert seen == EXPECTED
