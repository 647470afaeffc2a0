"""One frozen Config, built once from the CLI and the environment, then passed down."""

import ipaddress
import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

from scenarios.core.errors import UsageError


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
    # Explicit browser and driver paths win over the system's; see browser/binaries.py.
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
    # Step mode: each step waits for the instructor (Enter, or Next in the browser).
    step: bool = False
    # The screen a headed browser opens on (DISPLAY); None: there is none.
    display: str | None = None
    # Colours in the terminal's narration; NO_COLOR (https://no-color.org) turns them off.
    colour: bool = True
    # The Selenium server jar a Grid on this machine runs; None: the one setup.sh installed.
    grid_jar: str | None = None
    # How long the watched browser's last screen (the run's summary) stays up, at most; None:
    # until the instructor ends it at a terminal, not at all without one.
    hold_seconds: float | None = None

    def __post_init__(self):
        # Refused wherever a Config is built, in code as from the command line.
        _within("--slow-mo", self.slow_mo, 0, 60)
        _within("--workers", self.workers, 1, 16)
        _within("--port", self.port, 0, 65535)
        if self.port in BAD_PORTS:
            raise UsageError(
                f"--port {self.port} is a port browsers refuse to load (ERR_UNSAFE_PORT); "
                "choose another, or leave it out for a free one"
            )
        _within("--expiry-seconds", self.expiry_seconds, 1, MAX_SECONDS)
        _within("--page-load-timeout", self.page_load_seconds, 0.5, 600)
        if self.hold_seconds is not None:
            _within("--hold", self.hold_seconds, 0, 3600)
        if self.browser not in ("chromium", "firefox"):
            raise UsageError(f"--browser must be chromium or firefox, got {self.browser!r}")
        for option, url in (("--base-url", self.base_url), ("--remote-url", self.remote_url)):
            if url and not url.startswith(("http://", "https://")):
                raise UsageError(f"{option} must be an http(s) URL, got {url!r}")
        for option, url in (("--base-url", self.base_url), ("--remote-url", self.remote_url)):
            if url:
                _check_url(option, url)
        object.__setattr__(self, "advertise_host", check_host(self.advertise_host))
        if self.step and self.headless:
            raise UsageError("--step paces a browser the class watches: add --headed")
        if self.step and self.workers > 1:
            raise UsageError("--step shows one browser: drop --workers")

    @property
    def lab_host(self):
        """The host the browser is sent to for the lab app."""
        return urlsplit(self.base_url).hostname if self.base_url else self.advertise_host

    @classmethod
    def from_env(cls, environ=None, **overrides):
        """Read COOKIE_LAB_* settings, then apply ``overrides`` (the CLI's, which win)."""
        env = dict(os.environ if environ is None else environ)
        values = {
            "browser_binary": env.get("COOKIE_LAB_BROWSER_BINARY") or None,
            "driver_path": env.get("COOKIE_LAB_DRIVER") or None,
            "remote_url": env.get("COOKIE_LAB_REMOTE_URL") or None,
            "advertise_host": env.get("COOKIE_LAB_ADVERTISE_HOST") or cls.advertise_host,
            "grid_jar": env.get("COOKIE_LAB_GRID_JAR") or None,
            "display": env.get("DISPLAY") or None,
            # Any value, even an empty one, turns colour off.
            "colour": "NO_COLOR" not in env,
        }
        if env.get("COOKIE_LAB_PAGE_LOAD_SECONDS"):
            try:
                values["page_load_seconds"] = float(env["COOKIE_LAB_PAGE_LOAD_SECONDS"])
            except ValueError:
                raise UsageError(
                    "COOKIE_LAB_PAGE_LOAD_SECONDS takes seconds, got "
                    f"{env['COOKIE_LAB_PAGE_LOAD_SECONDS']!r}"
                ) from None
        if "COOKIE_LAB_EXPIRY_SECONDS" in env:
            values["expiry_seconds"] = parse_seconds(
                env["COOKIE_LAB_EXPIRY_SECONDS"], "COOKIE_LAB_EXPIRY_SECONDS"
            )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_json(self):
        """The whole Config as JSON, for a child process: ``from_json`` gives it back whole.

        A child rebuilding its own from the environment and a few flags would lose the rest
        (a --page-load-timeout given on the command line never reached the grader's browser).
        """
        return json.dumps(
            {f.name: _plain(getattr(self, f.name)) for f in fields(self)}, sort_keys=True
        )

    @classmethod
    def from_json(cls, text):
        """The Config ``to_json`` wrote, validated again as any Config is."""
        values = json.loads(text)
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise UsageError(f"a Config has no setting {sorted(unknown)[0]!r}")
        if values.get("report_dir") is not None:
            values["report_dir"] = Path(values["report_dir"])
        if "window_size" in values:
            values["window_size"] = tuple(values["window_size"])
        return cls(**values)

    @property
    def shows_overlay(self):
        return (not self.headless) if self.overlay is None else self.overlay

    def app_config(self):
        """What the lab app needs to know, as the app factory's ``test_config``."""
        return {"EXPIRY_SECONDS": self.expiry_seconds}


# The Fetch standard's "bad ports", which Chromium and Firefox refuse to load: the lab app
# served on one would be unreachable, with an error page the learner cannot explain.
BAD_PORTS = frozenset(
    (1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95)
    + (101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161)
    + (179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563)
    + (587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060)
    + (5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080)
)


def _plain(value):
    # JSON has no Path and no tuple: a path goes as text, a tuple as a list.
    return str(value) if isinstance(value, Path) else value


def _check_url(option, url):
    # Refused here, not where the URL is first used: a URL without a host reached
    # http.client as None and came back as a traceback (AttributeError, TypeError).
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UsageError(f"{option} {url!r} is not a URL: {exc}") from None
    if not parts.hostname:
        raise UsageError(f"{option} {url!r} names no host: give http://HOST:PORT")
    if port == 0:
        raise UsageError(f"{option} {url!r} is not a URL: port 0 is not one to connect to")


def _within(what, value, low, high):
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise UsageError(f"{what} must be between {low:g} and {high:g}, got {value!r}")


# A day: longer shows nothing more in a lesson, and a Max-Age far enough out overflows the
# app's date arithmetic (an error page, not a cookie).
MAX_SECONDS = 86400


def parse_seconds(text, what):
    try:
        seconds = int(text)
    except ValueError:
        raise UsageError(f"{what} must be a whole number of seconds, got {text!r}") from None
    if seconds < 1:
        raise UsageError(f"{what} must be at least 1 second, got {seconds}")
    if seconds > MAX_SECONDS:
        raise UsageError(f"{what} must be at most {MAX_SECONDS} seconds (a day), got {seconds}")
    return seconds


def check_host(host):
    """A host the browser can be sent to: a bare name or address, not a URL or a wildcard.

    An IPv6 address may come with or without its brackets; returns the host without them.
    """
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if ":" in bare:
        try:
            if "%" not in bare and not ipaddress.IPv6Address(bare).is_unspecified:
                return bare
        except ValueError:
            pass
    # Printable, so a newline cannot reach a URL, a header or the narration.
    elif bare and bare.isprintable() and not any(c in bare for c in "/@ []%?#\\"):
        if bare not in ("0.0.0.0", "*"):
            return bare
    raise UsageError(
        f"--advertise-host takes a host name or address the browser can reach, got {host!r}"
    )


def is_loopback(host):
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
