"""The in-page overlay follows the narration and never changes what a check reads."""

import queue
import threading
import time
from dataclasses import replace
from threading import Event

import fake_run
import pytest
from helpers import SHOWN
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.wait import WebDriverWait

from scenarios.core.config import Config
from scenarios.lab.facade import Lab
from scenarios.show import overlay, summary

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


def test_the_last_screen_shows_the_run_and_stays_until_the_instructor_presses_q(browser):
    results = [
        fake_run.result("path", *[fake_run.step(s) for s in fake_run.BY_NAME["path"].plan[:4]]),
        fake_run.result("samesite", fake_run.step("Visit", passed=False, message="it was not")),
    ]
    results[0].stopped = True
    html = summary.render(results, "/tmp/lab-report/index.html")
    held = threading.Thread(target=summary.hold, args=(browser.driver, html, 30, None, Event()))
    held.start()
    try:
        driver = browser.driver
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "end"))
        rows = {
            row.get_attribute("data-scenario"): row.text
            for row in driver.find_elements("css selector", "#summary tbody tr")
        }
        assert rows == {
            "path": "path 4 of 8 stopped",
            "samesite": "samesite 0 of 4 FAIL it was not",
        }
        assert driver.find_element("id", "report").text.endswith("/tmp/lab-report/index.html")
        # Still up while nobody presses anything.
        held.join(0.5)
        assert held.is_alive()
        ActionChains(driver).send_keys("q").perform()
        held.join(5)
        assert not held.is_alive()
    finally:
        browser.driver.execute_script("window.cookieLabDone = true")
        held.join(5)


def test_the_last_screen_ends_on_a_line_typed_in_the_terminal_or_its_time(browser):
    typed = queue.Queue()
    typed.put("next")
    start = time.monotonic()
    summary.hold(browser.driver, summary.render([]), 30, typed, Event())
    summary.hold(browser.driver, summary.render([]), 0.3, None, Event())
    assert time.monotonic() - start < 5


def test_the_jar_panel_tells_a_samesite_not_set_from_lax_set():
    # Both are enforced as Lax; only one goes on a cross-site POST in its first 2 minutes.
    from scenarios.browser.jar import Cookie

    class Jar:
        scope = "every path"

        def all(self):
            lax = Cookie("lax_cookie", "v", "/", None, False, False, "Lax", "lab.localhost")
            return [lax, replace(lax, name="no_samesite_cookie", same_site_unset=True)]

    rows = {row["name"]: row["same_site"] for row in overlay.jar_rows(Jar())}
    assert rows == {"lax_cookie": "Lax", "no_samesite_cookie": "Lax (not set)"}
