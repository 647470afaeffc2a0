"""Exercise 11, a reference answer: a path cookie reaches its path and below, nowhere else."""

import pytest
from selenium.webdriver.common.by import By


def carried(driver, name):
    cells = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cookie-name="{name}"] .cookie-value')
    return [cell.text for cell in cells]


@pytest.fixture
def path_cookie_set(driver, lab_url):
    driver.get(lab_url + "/set-path-cookie")
    return driver


@pytest.mark.parametrize("path", ["/set-path-cookie", "/set-path-cookie/anything"])
def test_carried_inside_its_path(path_cookie_set, lab_url, path):
    path_cookie_set.get(lab_url + path)
    assert carried(path_cookie_set, "path_cookie_name") == ["path_cookie_value"]


@pytest.mark.parametrize("path", ["/", "/set-path-cookie-alternate"])
def test_not_carried_outside_its_path(path_cookie_set, lab_url, path):
    path_cookie_set.get(lab_url + path)
    assert carried(path_cookie_set, "path_cookie_name") == []
