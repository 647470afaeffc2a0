"""A cookie with a Max-Age is carried until its time runs out, then never again.

You will see /set-expiring-cookie set expiring_cookie_name with a Max-Age (15 seconds unless
the lab is told otherwise) and a countdown start. Every quarter second the page is reloaded: the
cookie is carried while the countdown runs, and the first request after it ends carries
nothing, though the browser was never closed.
"""

import math
import re
import time

NAME = "expiry"
# Its time is the clock's: headless, it runs in its own browser beside the others, started
# first.
WAITS_FOR_TIME = True

# How far the moment of expiry may stray from Max-Age: a reload every POLL seconds, plus the
# time a request takes.
POLL = 0.25
SLACK = 1.5
# The page's countdown: what the counting steps are about, boxed for the class.
COUNTDOWN = "#expiry-countdown"


def refuses(config):
    """The steps before the wait pause for the class while the cookie's clock runs on; its
    checks need about a second of the cookie's life besides."""
    needed = 2 * config.slow_mo + 1
    if config.slow_mo and config.expiry_seconds <= needed:
        return (
            f"--expiry-seconds {config.expiry_seconds} is too short for --slow-mo "
            f"{config.slow_mo:g}: the cookie would expire during the pauses; give it more "
            f"than {needed:g} s (e.g. --expiry-seconds {math.floor(needed) + 1}), "
            "or a shorter --slow-mo"
        )
    return None


def _set_cookie(lab):
    """Visit /set-expiring-cookie; return when it was set, and its Max-Age in seconds."""
    lab.visit("/set-expiring-cookie")
    set_at = time.monotonic()
    # The app's own word, so a lab app elsewhere (--base-url) is timed right too.
    header = lab.page.set_cookie_header("expiring_cookie_name")
    max_age = re.search(r"Max-Age=(\d+)", header)
    lab.check(max_age, f"expected a Max-Age, but the response sent {header}")
    return set_at, int(max_age[1])


def run(lab):
    # The cookie's clock is the real one: in step mode it runs on while the class talks, so
    # each step says what is true when it starts, not what was planned.
    with lab.step(
        "Visit /set-expiring-cookie: its response sets a cookie with a Max-Age",
        about="expiring_cookie_name",
    ):
        set_at, seconds = _set_cookie(lab)
        lab.expect_not_carried("expiring_cookie_name")

    def expired():
        lab.visit("/")
        if "expiring_cookie_name" in lab.page.carried():
            return None
        return time.monotonic() - set_at

    def until_gone(message, counting=None):
        """Reload until the cookie is no longer carried, for at most the rest of its life and
        a margin; return how long after it was set it was gone."""
        return lab.wait_until(
            expired,
            timeout=max(2 * SLACK, seconds + 2 * SLACK - (time.monotonic() - set_at)),
            poll=POLL,
            message=message,
            counting=counting,
        )

    # Decided once: a step that said "carried" must not then act as if it had expired.
    late = time.monotonic() - set_at >= seconds - 1
    if late:
        narration = f"It expired while we paused ({seconds} s): set it again, and it is carried"
    else:
        narration = f"The next request carries it, and the page counts down its {seconds} s"
    with lab.step(narration, about="expiring_cookie_name", shows=COUNTDOWN):
        if late:
            # Gone, or going within the second: a reload shows it gone, then it is set again.
            until_gone(f"expected expiring_cookie_name to be gone after {seconds} s")
            set_at, seconds = _set_cookie(lab)
        lab.visit("/")
        lab.expect_carried("expiring_cookie_name", "expiring_cookie_value")
        countdown = lab.look_at("expiry-countdown")
        shown = countdown.text if countdown.is_displayed() else "no countdown"
        # On a loaded machine this step may outlast a short Max-Age: the page is right to
        # say it expired then, and only then.
        ran_out = time.monotonic() - set_at >= seconds - 1
        lab.check(
            "expires in" in shown or (ran_out and "has expired" in shown),
            f"expected the page to count down to the expiry, but it shows {shown!r}",
        )

    if time.monotonic() - set_at < seconds - SLACK:
        narration = f"Reload every {POLL} s: the cookie is carried until {seconds} s have passed"
    else:
        narration = f"{seconds} s passed while we paused: a reload no longer carries it"
    with lab.step(narration, about="expiring_cookie_name", shows=COUNTDOWN):
        gone_after = until_gone(
            f"expected expiring_cookie_name to stop being carried after {seconds} s, "
            f"but it was still carried after {seconds + 2 * SLACK:.0f} s",
            counting=("expiring_cookie_name", set_at + seconds),
        )
        # Gone no earlier than its Max-Age allows (the first reload that did not carry it).
        lab.check(
            gone_after >= seconds - SLACK,
            f"expected expiring_cookie_name to be carried for {seconds} s, but it was gone "
            f"after {gone_after:.1f} s",
        )

    with lab.step(
        f"It stopped being carried after about {seconds} s, and is gone for good",
        about="expiring_cookie_name",
    ):
        lab.visit("/")
        lab.expect_not_carried("expiring_cookie_name")
        lab.expect_not_stored("expiring_cookie_name")
