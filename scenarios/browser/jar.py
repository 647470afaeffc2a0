"""The browser's cookie jar, read and cleared whole, whichever way the browser allows.

``Browser`` picks the kind once, when it starts: DevTools for a local Chromium, BiDi for a
browser that offers it (a Grid's), else WebDriver alone, visiting a page under each of the
app's cookie paths. Nothing downstream asks which it got.
"""

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selenium.webdriver.common.bidi.storage import CookieFilter

# The loopback's two names: the same server, but another host and another site to a browser.
LOOPBACK_TWINS = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}


@dataclass(frozen=True)
class Cookie:
    name: str
    value: str
    path: str
    # Seconds since the epoch; None for a session cookie, which ends with the browser.
    expires: float | None
    http_only: bool
    secure: bool
    # As the browser enforces it. Chromium treats a cookie set without SameSite as Lax, and
    # says so through WebDriver; DevTools leaves it out, so it is filled in here alike.
    same_site: str
    # The host it is sent to ("lab.localhost"), or with a leading dot the domain it covers
    # (Domain=lab.localhost: ".lab.localhost"); "" when the browser does not say.
    domain: str = ""
    # A Partitioned cookie's top-level site ("http://other.localhost"); "" for any other.
    partition: str = ""
    # Set with no SameSite attribute (same_site then says "Lax", as enforced), where the
    # browser tells (DevTools): a cross-site POST still carries it for 2 minutes.
    same_site_unset: bool = False

    @property
    def site(self):
        """Where it is sent, as the jar panel says it: its domain, and its partition's site."""
        if not self.partition:
            return self.domain
        return f"{self.domain} (in {self.partition.partition('://')[2]})"


def lab_origins(base_url):
    """The lab's origin and, on loopback, its twin's, where some scenarios set cookies too."""
    parts = urlsplit(base_url)
    origins = [f"{parts.scheme}://{parts.netloc}"]
    twin = LOOPBACK_TWINS.get(parts.hostname)
    if twin is not None:
        port = f":{parts.port}" if parts.port else ""
        origins.append(f"{parts.scheme}://{twin}{port}")
    return origins


class DevToolsJar:
    """The whole jar in one DevTools call, every path and host included (8-15 ms)."""

    scope = "every path"

    def __init__(self, driver, base_url, cookie_paths=()):
        self._driver = driver
        self._origins = lab_origins(base_url)

    def all(self):
        cookies = self._driver.execute_cdp_cmd("Storage.getCookies", {})["cookies"]
        return [_from_devtools(c) for c in cookies]

    def here(self):
        """The jar, read without leaving the page: DevTools sees all of it from anywhere."""
        return self.all()

    def clear(self):
        """Every cookie, and the lab pages' local storage, where the countdown keeps the
        expiring cookie's deadline: a scenario that sets none must not show one."""
        self._driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        for origin in self._origins:
            self._driver.execute_cdp_cmd(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "local_storage"}
            )


class BiDiJar:
    """The whole jar through WebDriver BiDi's storage module, every path included, with no
    visit: for a browser on a Grid, where DevTools is out of reach. Selenium's Python client
    polls its websocket every 0.1 s, so each call takes about 100 ms (DevTools: 2-15 ms)."""

    scope = "every path"

    def __init__(self, driver, base_url, cookie_paths=()):
        self._driver = driver
        self._home = lab_origins(base_url)[0] + "/"

    def all(self):
        found = self._driver.storage.get_cookies(CookieFilter())
        return [_from_bidi(c) for c in found.cookies]

    def here(self):
        return self.all()

    def clear(self):
        """Every cookie, and the lab page's local storage (the countdown's deadline), which
        only a page of the lab's own origin can reach. The cookies go last: the visit may
        set some (a learner's app does, at /), and the jar must be empty after it."""
        self._driver.get(self._home)
        self._driver.execute_script("localStorage.clear()")
        self._driver.storage.delete_cookies(CookieFilter())


class WebDriverJar:
    """WebDriver sees only the cookies visible at the current page, so the whole jar means
    visiting a page under each of the app's cookie paths, on the lab's host and its twin."""

    scope = "this page's path only"

    def __init__(self, driver, base_url, cookie_paths=("/",)):
        self._driver = driver
        self._pages = [
            urljoin(o + "/", p.lstrip("/")) for o in lab_origins(base_url) for p in cookie_paths
        ]

    def all(self):
        seen = {}
        for page in self._pages:
            self._driver.get(page)
            for cookie in self.here():
                seen[(page.split("/")[2], cookie.name, cookie.path)] = cookie
        return list(seen.values())

    def here(self):
        """The cookies visible at this page: another visit would be a request of its own."""
        return [_from_webdriver(c) for c in self._driver.get_cookies()]

    def clear(self):
        for page in self._pages:
            self._driver.get(page)
            self._driver.delete_all_cookies()
            self._driver.execute_script("localStorage.clear()")


def _from_devtools(cookie):
    return Cookie(
        name=cookie["name"],
        value=cookie["value"],
        path=cookie["path"],
        expires=None if cookie.get("session") else cookie["expires"],
        http_only=cookie["httpOnly"],
        secure=cookie["secure"],
        same_site=cookie.get("sameSite") or "Lax",
        domain=cookie.get("domain", ""),
        partition=_top_level_site(cookie.get("partitionKey")),
        same_site_unset=not cookie.get("sameSite"),
    )


def _top_level_site(key):
    # Chromium's DevTools said the partition's site alone until it became an object.
    return key.get("topLevelSite", "") if isinstance(key, dict) else key or ""


# BiDi's words for SameSite. Chromium's BiDi says "none" for a cookie set without SameSite,
# which it enforces as Lax: BiDi alone cannot tell the two apart.
_BIDI_SAME_SITE = {"strict": "Strict", "lax": "Lax", "none": "None", "default": "Lax"}


def _from_bidi(cookie):
    value = cookie.value.value if hasattr(cookie.value, "value") else cookie.value
    return Cookie(
        name=cookie.name,
        value=value,
        path=cookie.path,
        expires=cookie.expiry,
        http_only=bool(cookie.http_only),
        secure=bool(cookie.secure),
        same_site=_BIDI_SAME_SITE.get(cookie.same_site, cookie.same_site),
        domain=cookie.domain or "",
    )


def _from_webdriver(cookie):
    return Cookie(
        name=cookie["name"],
        value=cookie["value"],
        path=cookie.get("path", "/"),
        expires=cookie.get("expiry"),
        http_only=cookie.get("httpOnly", False),
        secure=cookie.get("secure", False),
        same_site=cookie.get("sameSite") or "None",
        domain=cookie.get("domain", ""),
    )
