"""The options the lab's browser starts with: its window, its bounds, and no calls home."""

from urllib.parse import urlsplit

from scenarios.browser.binaries import KINDS

# Chromium as root with no display needs these; the background/component/sync flags keep it
# from dialling hosts it cannot reach here. (They do not stop it all: see _only_the_lab.)
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Chromium otherwise gives every page load a new document host, so that pages can wait
    # in the back/forward cache: about a third more CPU per load, and the lab never goes back.
    # OptimizationHints, MediaRouter and the field trials (variations) are more of its calls
    # home. One --disable-features only: Chromium heeds the last one given.
    "--disable-features=BackForwardCache,RenderDocument,OptimizationHints,MediaRouter,"
    "DialMediaRouteProvider,Translate,AutofillServerCommunication",
    "--variations-server-url=",
)

# The first tab opens blank: Debian's Chromium would open a new tab page that asks a search
# engine it cannot reach for its content, and the first visit would wait for it to give up.
# (Restoring the last session instead would keep session cookies across a restart.)
#
# Third-party cookies allowed, as the headless shell allows them (it ignores this pref): the
# full Chromium 156 blocks them by default, so a class watching make lab would see a lab frame
# inside other.localhost get no SameSite=None cookie, where the tests' browser sends it. The
# third-party scenario blocks them itself, for one tab (see third_party.py).
CHROMIUM_PREFS = {
    "session.restore_on_startup": 4,
    "session.startup_urls": ["about:blank"],
    "profile.cookie_controls_mode": 0,
}


def _only_the_lab(config):
    """A resolver rule: the browser looks up no name but the lab's own.

    Even with the flags above, Chromium asks DNS for update.googleapis.com, clients2.google.com
    and optimizationguide-pa.googleapis.com during a run. Every name now fails at once without
    a lookup, except the hosts the lab sends the browser to: this machine by its names and
    addresses (the rule maps addresses too), the lab's sites (lab.localhost, other.localhost:
    Chromium answers every *.localhost name with loopback itself, asking no DNS, once the
    rule lets it through), the advertised host (a Grid's node must reach it), and a
    --base-url's host.
    """
    hosts = ["localhost", "*.localhost", "127.0.0.1", "::1", config.advertise_host]
    if config.base_url:
        hosts.append(urlsplit(config.base_url).hostname or "localhost")
    excluded = "".join(f", EXCLUDE {host}" for host in dict.fromkeys(hosts))
    return f"--host-resolver-rules=MAP * ~NOTFOUND{excluded}"


def browser_options(config, profile_dir, bidi=False):
    """The options for ``config``'s browser on ``profile_dir`` (None: the driver makes one).

    ``bidi`` asks a Chromium for WebDriver BiDi: the launcher does when DevTools is out of
    reach (on a Grid), for BiDi reads the whole cookie jar instead."""
    kind = KINDS[config.browser]
    options = kind.options()
    # Bounded from the first command: no page load or page script may hold the run.
    timeout_ms = int(config.page_load_seconds * 1000)
    options.timeouts = {"pageLoad": timeout_ms, "script": timeout_ms}
    width, height = config.window_size
    if config.browser == "chromium":
        options.add_argument(f"--window-size={width},{height}")
        # The top-left corner: with no window manager (Xvfb) it would sit 10 px in, cut off.
        options.add_argument("--window-position=0,0")
        if config.headless:
            options.add_argument("--headless=new")  # the shell is headless anyway
        for flag in (*CHROMIUM_FLAGS, _only_the_lab(config)):
            options.add_argument(flag)
        if profile_dir:
            options.add_argument(f"--user-data-dir={profile_dir}")
        options.add_experimental_option("prefs", CHROMIUM_PREFS)
        # No "Chrome is being controlled by automated test software" bar over the lab page:
        # on a projector it costs the class a line and says nothing about cookies.
        options.add_experimental_option("excludeSwitches", ["enable-automation"])
        options.add_experimental_option("useAutomationExtension", False)
        options.enable_bidi = bidi
    else:
        options.add_argument(f"--width={width}")
        options.add_argument(f"--height={height}")
        if config.headless:
            options.add_argument("-headless")
        if profile_dir:
            options.add_argument("-profile")
            options.add_argument(profile_dir)
    return options
