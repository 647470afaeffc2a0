"""The whole chain in a real browser: a response sets a cookie, the next request carries it."""

import pytest

pytestmark = pytest.mark.browser


def carried(driver):
    rows = driver.find_elements("css selector", "#received-cookies tr[data-cookie-name]")
    return {row.get_attribute("data-cookie-name") for row in rows}


def test_cookie_is_carried_only_from_the_second_request(driver, live_server):
    driver.get(live_server.url + "/set-cookie")
    assert "cookie_name" not in carried(driver)
    driver.get(live_server.url + "/set-cookie")
    assert "cookie_name" in carried(driver)


def test_page_script_sees_the_same_cookie(driver, live_server):
    driver.get(live_server.url + "/set-cookie")
    driver.get(live_server.url + "/")
    assert driver.find_element("id", "document-cookie").text == "cookie_name=cookie_value"
