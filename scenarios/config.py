"""One frozen Config, built once from the CLI and the environment, then passed down."""

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path


class UsageError(Exception):
    """Bad input or a missing piece of the environment: one line for the user, exit 2."""


@dataclass(frozen=True)
class Config:
    headless: bool = True
    slow_mo: float = 0.0
    browser: str = "chromium"
    # A Selenium Grid or any W3C WebDriver endpoint; None starts a local browser.
    remote_url: str | None = None
    # A lab app already running elsewhere; None starts one on a free loopback port.
    base_url: str | None = None
    # The host the browser is sent to for the runner's own app: with a Grid on another
    # machine, a name or address of this machine that the Grid's node can reach.
    advertise_host: str = "127.0.0.1"
    port: int = 0
    # Each worker has its own browser and its own app server; they share nothing.
    workers: int = 1
    expiry_seconds: int = 15
    # Where `run --report DIR` writes index.html; None captures no evidence, so runs stay fast.
    report_dir: Path | None = None
    # The in-page banner and highlight for a watching class; None: shown when headed.
    overlay: bool | None = None
    # Explicit browser and driver paths win over the system's; see browser.py.
    browser_binary: str | None = None
    driver_path: str | None = None
    # Fits the smallest common projector (1280x720), so a class sees the whole window.
    window_size: tuple[int, int] = (1280, 720)
    # How long a page load or a page script may take. Without a bound, chromedriver waits
    # 300 s for a page that never comes (a learner's endless loop, a server that never
    # answers), and quit() waits behind it.
    page_load_seconds: float = 10.0
    # How long a learner's exercise app may take to start (import and serve): an endless loop
    # at import would otherwise stall the check for ever.
    app_start_seconds: float = 10.0

    @classmethod
    def from_env(cls, environ=None, **overrides):
        """Read COOKIE_LAB_* settings, then apply ``overrides`` (the CLI's, which win)."""
        env = dict(os.environ if environ is None else environ)
        values = {
            "browser_binary": env.get("COOKIE_LAB_BROWSER_BINARY") or None,
            "driver_path": env.get("COOKIE_LAB_DRIVER") or None,
            "remote_url": env.get("COOKIE_LAB_REMOTE_URL") or None,
            "advertise_host": env.get("COOKIE_LAB_ADVERTISE_HOST") or cls.advertise_host,
        }
        if "COOKIE_LAB_EXPIRY_SECONDS" in env:
            values["expiry_seconds"] = parse_seconds(
                env["COOKIE_LAB_EXPIRY_SECONDS"], "COOKIE_LAB_EXPIRY_SECONDS"
            )
        values.update({k: v for k, v in overrides.items() if v is not None})
        check_host(values["advertise_host"])
        return cls(**values)

    @property
    def shows_overlay(self):
        return (not self.headless) if self.overlay is None else self.overlay

    def app_config(self):
        """What the lab app needs to know, as the app factory's ``test_config``."""
        return {"EXPIRY_SECONDS": self.expiry_seconds}


def parse_seconds(text, what):
    try:
        seconds = int(text)
    except ValueError:
        raise UsageError(f"{what} must be a whole number of seconds, got {text!r}") from None
    if seconds < 1:
        raise UsageError(f"{what} must be at least 1 second, got {seconds}")
    return seconds


def check_host(host):
    """A host the browser can be sent to: a bare name or address, not a URL or a wildcard."""
    if not host or any(c in host for c in "/:@ ") or host in ("0.0.0.0", "*"):
        raise UsageError(
            f"--advertise-host takes a host name or address the browser can reach, got {host!r}"
        )


def is_loopback(host):
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
