"""Exercise 12, a reference answer: /delete-cookies leaves no cookie, the path cookie included."""

from selenium.webdriver.common.by import By


def carried_names(driver):
    rows = driver.find_elements(By.CSS_SELECTOR, "#received-cookies tr[data-cookie-name]")
    return sorted(row.get_attribute("data-cookie-name") for row in rows)


def test_delete_cookies_deletes_every_cookie(driver, lab_url):
    for path in ("/set-cookie", "/set-path-cookie", "/set-long-lasting-cookie"):
        driver.get(lab_url + path)
    # Under /set-path-cookie every one of them is carried: the path cookie too.
    driver.get(lab_url + "/set-path-cookie/anything")
    assert carried_names(driver) == ["cookie_name", "long_cookie_name", "path_cookie_name"]

    driver.get(lab_url + "/delete-cookies")
    driver.get(lab_url + "/set-path-cookie/anything")
    assert carried_names(driver) == []
    # get_cookies() sees every cookie this page's path may see: none is left.
    assert driver.get_cookies() == []
