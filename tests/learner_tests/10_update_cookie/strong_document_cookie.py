"""Strong: page scripts see exactly one cookie, the new value, at both routes."""

import pytest


@pytest.mark.parametrize("path", ["/update-cookie", "/"])
def test_scripts_see_one_updated_cookie(driver, lab_url, path):
    driver.get(lab_url + "/set-cookie")
    driver.get(lab_url + "/update-cookie")
    driver.get(lab_url + path)
    assert driver.execute_script("return document.cookie") == "cookie_name=updated_cookie_value"
