"""The in-page overlay follows the narration and never changes what a check reads."""

import pytest
from helpers import SHOWN

from scenarios.core.config import Config
from scenarios.lab.facade import Lab
from scenarios.show import overlay

pytestmark = pytest.mark.browser


# Everything the checks read from a lab page, and the page's own markup around it.
READ_BY_CHECKS = """
return {
  received: document.getElementById("received-cookies").outerHTML,
  main: document.querySelector("main").outerHTML,
  body_elements: document.querySelectorAll("body *").length,
  document_cookie: document.cookie,
  shown_document_cookie: document.getElementById("document-cookie").textContent,
};
"""


def test_headed_runs_show_the_overlay_and_headless_runs_do_not():
    assert Config(headless=False).shows_overlay
    assert not Config(headless=True).shows_overlay
    assert Config(headless=True, overlay=True).shows_overlay


def test_the_overlay_boxes_the_row_without_changing_what_checks_read(browser, driver, live_server):
    lab = Lab(browser, live_server.url, Config())
    for path in ("/set-cookie", "/set-expiring-cookie", "/"):
        lab.visit(path)
    before = driver.execute_script(READ_BY_CHECKS)
    carried_before = lab.page.carried()
    row = '#received-cookies tr[data-cookie-name="cookie_name"]'

    overlay.show(driver, "update", "Look at this row", "passed", "", [row])

    assert driver.execute_script(READ_BY_CHECKS) == before
    assert (
        lab.page.carried()
        == carried_before
        == {
            "cookie_name": "cookie_value",
            "expiring_cookie_name": "expiring_cookie_value",
        }
    )
    countdown = driver.find_element("id", "expiry-countdown")
    assert countdown.is_displayed() and "expires in" in countdown.text
    shown = driver.execute_script(SHOWN)
    assert shown["narration"] == "\u2714 Look at this row"
    target = driver.find_element("css selector", row).rect
    box = shown["box"]
    # The box surrounds the row (the page is not scrolled once the row is in view).
    scroll_y = driver.execute_script("return scrollY")
    assert box["left"] <= target["x"] and box["right"] >= target["x"] + target["width"]
    assert box["top"] <= target["y"] - scroll_y
    assert box["bottom"] >= target["y"] - scroll_y + target["height"]
