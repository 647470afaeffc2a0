"""Exercise 9, a reference answer: a cookie comes back on the next request, not this one."""

from selenium.webdriver.common.by import By


def carried(driver, name):
    """The values the last request carried for ``name``, read off the lab page's table."""
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


def test_the_cookie_comes_back_on_the_next_request(driver, lab_url):
    driver.get(lab_url + "/set-cookie")
    # The request that asked for the cookie could not carry it yet...
    assert carried(driver, "cookie_name") == []
    # ...but the browser stored it as soon as the response arrived...
    stored = driver.get_cookie("cookie_name")
    assert stored is not None, "the browser stored no cookie_name"
    assert stored["value"] == "cookie_value"
    # ...and sends it with the next request, to any route.
    driver.get(lab_url + "/")
    assert carried(driver, "cookie_name") == ["cookie_value"]
