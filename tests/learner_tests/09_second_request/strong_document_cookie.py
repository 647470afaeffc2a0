"""Strong: the request line and the (empty) table of the page that set the cookie, then page
scripts and the table at /."""

from selenium.webdriver.common.by import By


def received(driver):
    rows = driver.find_elements(By.CSS_SELECTOR, "#received-cookies tr[data-cookie-name]")
    return {row.get_attribute("data-cookie-name"): row.text.split()[-1] for row in rows}


def test_the_first_request_lacks_it_and_the_second_has_it(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    assert driver.find_element(By.ID, "request-line").text == "GET /set-cookie"
    assert received(driver) == {}
    driver.get(lab_url + "/")
    assert driver.execute_script("return document.cookie") == "cookie_name=cookie_value"
    assert received(driver) == {"cookie_name": "cookie_value"}
