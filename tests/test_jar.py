"""Each kind of cookie jar reads and clears the whole jar, every path included, and says the
same of each cookie: the browser chooses the kind once, and nothing else knows which."""

from dataclasses import replace

import pytest
from selenium import webdriver

from lab_app.tutorial import COOKIE_PATHS
from scenarios.browser.jar import BiDiJar, DevToolsJar, WebDriverJar
from scenarios.browser.launch import quit_promptly, resolve
from scenarios.core.config import Config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bidi_driver():
    """A Chromium with BiDi on, as a Grid's would be: BiDi's own browser, not the shared one."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.enable_bidi = True
    binary, driver_path = resolve(Config(headless=False))  # Chromium itself, as on a Grid
    options.binary_location = binary
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(driver_path))
    yield driver
    quit_promptly(driver)


@pytest.fixture(params=["devtools", "webdriver", "bidi"])
def jar(request, live_server, driver):
    if request.param == "bidi":
        driver = request.getfixturevalue("bidi_driver")
    kind = {"devtools": DevToolsJar, "webdriver": WebDriverJar, "bidi": BiDiJar}[request.param]
    jar = kind(driver, live_server.url, COOKIE_PATHS)
    jar.clear()
    for path in ("/set-cookie", "/set-path-cookie", "/"):
        driver.get(live_server.url + path)
    return jar


def test_it_reads_every_path_from_anywhere(jar):
    cookies = {c.name: c for c in jar.all()}
    assert set(cookies) == {"cookie_name", "path_cookie_name"}
    assert cookies["path_cookie_name"].path == "/set-path-cookie"
    assert cookies["cookie_name"].expires is None  # a session cookie
    # Set without SameSite, Chromium enforces Lax and says so, except through BiDi, whose
    # Chromium mapper says None: the one place the kinds differ (see jar._BIDI_SAME_SITE).
    said = "None" if isinstance(jar, BiDiJar) else "Lax"
    assert cookies["cookie_name"].same_site == said


def test_it_clears_every_path(jar):
    jar.clear()
    assert jar.all() == []


def test_devtools_and_webdriver_describe_a_cookie_alike(live_server, driver):
    driver.get(live_server.url + "/set-httponly-cookie")
    by_kind = [
        {c.name: c for c in kind(driver, live_server.url, COOKIE_PATHS).all()}
        for kind in (DevToolsJar, WebDriverJar)
    ]
    devtools, webdriver_ = by_kind
    for name in ("httponly_cookie_name", "script_cookie_name"):
        # Both enforce Lax; only DevTools tells that no SameSite was set.
        assert devtools[name].same_site_unset and not webdriver_[name].same_site_unset
        assert replace(devtools[name], same_site_unset=False) == webdriver_[name]
    assert devtools["httponly_cookie_name"].http_only
