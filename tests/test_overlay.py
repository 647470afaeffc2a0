"""The in-page overlay follows the narration and never changes what a check reads."""

import pytest
from helpers import SHORT_EXPIRY_SECONDS

from scenarios import overlay
from scenarios.catalog import SCENARIOS
from scenarios.config import Config
from scenarios.lab import Lab
from scenarios.runner import run_one

pytestmark = pytest.mark.browser

WITH_OVERLAY = Config(expiry_seconds=SHORT_EXPIRY_SECONDS, overlay=True)

# What the overlay shows, read from its shadow root: no check's selector reaches in there.
SHOWN = """
const host = document.querySelector("cookie-lab-overlay");
if (!host) return null;
const root = host.shadowRoot;
const box = root.querySelector(".box");
return {
  scenario: root.querySelector(".scenario").textContent,
  narration: root.querySelector(".narration").textContent,
  state: root.querySelector(".banner").dataset.state,
  box: box.hidden ? null : box.getBoundingClientRect().toJSON(),
};
"""

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


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_every_scenario_passes_with_the_overlay_on(scenario, browser, short_expiry_server):
    lab = Lab(browser, short_expiry_server.url, WITH_OVERLAY)
    result = run_one(scenario, lab, lambda *event: None)
    assert result.passed, [f"{s.narration}: {s.message}" for s in result.steps if not s.passed]
    # The overlay really was there, showing the last step's narration and its result.
    shown = browser.driver.execute_script(SHOWN)
    assert shown is not None
    assert shown["scenario"] == scenario.name
    assert shown["narration"] == "\u2714 " + result.steps[-1].narration
    assert shown["state"] == "passed"


def test_the_overlay_boxes_the_row_without_changing_what_checks_read(browser, driver, live_server):
    lab = Lab(browser, live_server.url, Config())
    for path in ("/set-cookie", "/set-expiring-cookie", "/"):
        lab.visit(path)
    before = driver.execute_script(READ_BY_CHECKS)
    carried_before = lab.carried()
    row = '#received-cookies tr[data-cookie-name="cookie_name"]'

    overlay.show(driver, "update", "Look at this row", "passed", "", [row])

    assert driver.execute_script(READ_BY_CHECKS) == before
    assert (
        lab.carried()
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
