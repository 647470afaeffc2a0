"""The lab reads each page once, however many checks look at it, and never reads a page
that has changed since: a visit, a click or a script makes the next check read again."""

import pytest

from scenarios.core.config import Config
from scenarios.lab.facade import Lab

pytestmark = pytest.mark.browser


@pytest.fixture
def lab(browser, live_server):
    lab = Lab(browser, live_server.url, Config())
    lab.jar.clear()
    return lab


def test_every_check_on_one_page_shares_one_reading(lab, browser):
    lab.visit("/set-cookie")
    lab.visit("/")
    before = browser.page_changes
    lab.expect_carried("cookie_name", "cookie_value")
    lab.expect_not_carried("path_cookie_name")
    assert lab.page.set_cookie_headers() == []
    assert lab.page.cookie_header_bytes() == len("cookie_name=cookie_value")
    assert lab.page.document_cookie() == {"cookie_name": "cookie_value"}
    assert lab.page.path == "/"
    assert browser.page_changes == before  # the one reading, which changes nothing


def test_commands_that_only_read_keep_the_reading(lab, browser):
    lab.visit("/set-cookie")
    lab.visit("/")
    lab.page.carried()
    before = browser.page_changes
    driver = browser.driver
    reads = [
        driver.find_element("id", "received-cookies").text,
        driver.find_elements("css selector", "#routes a")[0].get_dom_attribute("href"),
        driver.get_cookies(),
        driver.get_cookie("cookie_name"),
        driver.current_url,
        driver.title,
        driver.page_source,
        driver.get_screenshot_as_png(),
        lab.jar.all(),  # DevTools' Storage.getCookies
    ]
    assert all(reads)
    assert browser.page_changes == before


def test_a_click_that_leads_to_another_page_makes_the_next_check_read_it(lab, browser):
    lab.visit("/set-cookie")
    lab.expect_not_carried("cookie_name")
    browser.driver.find_element("css selector", '#routes a[href="/"]').click()
    lab.expect_carried("cookie_name", "cookie_value")
    assert lab.page.path == "/"


def test_a_script_that_changes_the_page_makes_the_next_check_read_it(lab, browser):
    lab.visit("/set-cookie")
    lab.visit("/")
    lab.expect_carried("cookie_name")
    browser.driver.execute_script('document.querySelector("[data-cookie-name]").remove()')
    lab.expect_not_carried("cookie_name")


def test_after_a_restart_the_new_browser_s_changes_are_counted_too(lab, browser):
    lab.visit("/set-long-lasting-cookie")
    lab.restart()
    lab.visit("/")
    lab.expect_carried("long_cookie_name")
    browser.driver.execute_script('document.querySelector("[data-cookie-name]").remove()')
    lab.expect_not_carried("long_cookie_name")
