"""What the report shows of each step, taken the moment the step ends, in its own browser."""

from scenarios.core.observers import Observer

# What the viewport looks like, as light as a learner can still read it enlarged: WebP at 60
# is under half a PNG's size (28 kB against 67 kB for a lab page at 1265x577). DevTools
# encodes it, so only a local Chromium has it; elsewhere WebDriver's PNG, which every
# browser gives.
SCREENSHOT = {"format": "webp", "quality": 60}


def screenshot(browser):
    """The browser's viewport now, as a data: URI."""
    if browser.has_devtools:
        data = browser.driver.execute_cdp_cmd("Page.captureScreenshot", SCREENSHOT)["data"]
        return f"data:image/{SCREENSHOT['format']};base64,{data}"
    return "data:image/png;base64," + browser.driver.get_screenshot_as_base64()


class Evidence(Observer):
    """Records each finished step's page, headers and cookie jar into ``step.evidence``."""

    def __init__(self, browser, page, jar):
        self._browser, self._page, self._jar = browser, page, jar

    def step_finished(self, step):
        if step.passed is None:  # interrupted: nothing to show
            return
        driver = self._browser.driver
        try:
            shown = self._page.shown()
            step.evidence = {
                "url": driver.current_url,
                "screenshot": screenshot(self._browser),
                "cookie_header": shown["cookie_header"],
                "set_cookie_headers": shown["set_cookie_headers"],
                # Without leaving the page: the next check may read it.
                "store": self._jar.here(),
                "store_scope": self._jar.scope,
            }
            if step.passed is False:
                step.evidence["page_source"] = driver.page_source
        except Exception as exc:  # noqa: BLE001 - a dead browser has nothing to show
            reason = (getattr(exc, "msg", None) or str(exc) or type(exc).__name__).splitlines()
            step.evidence = {"error": f"no evidence: the browser failed: {reason[0]}"}
