"""A cookie with a Max-Age is carried until its time runs out, then never again.

You will see /set-expiring-cookie set expiring_cookie_name with a Max-Age (15 seconds unless
the lab is told otherwise) and a countdown start. Every quarter second the page is reloaded: the
cookie is carried while the countdown runs, and the first request after it ends carries
nothing, though the browser was never closed.
"""

import time

NAME = "expiry"
# Its time is the clock's: headless, it runs in its own browser beside the others, started
# first.
WAITS_FOR_TIME = True

# How far the moment of expiry may stray from Max-Age: a reload every POLL seconds, plus the
# time a request takes.
POLL = 0.25
SLACK = 1.5


def run(lab):
    seconds = lab.config.expiry_seconds

    with lab.step(f"Visit /set-expiring-cookie: its response sets a cookie for {seconds} s"):
        lab.visit("/set-expiring-cookie")
        set_at = time.monotonic()
        lab.expect_not_carried("expiring_cookie_name")

    with lab.step("The next request carries it, and the countdown is running"):
        lab.visit("/")
        lab.expect_carried("expiring_cookie_name", "expiring_cookie_value")
        countdown = lab.look_at("expiry-countdown")
        lab.check(
            countdown.is_displayed() and "expires in" in countdown.text,
            f"expected the page to count down to the expiry, but it shows {countdown.text!r}",
        )

    last_carried = time.monotonic() - set_at

    def expired():
        nonlocal last_carried
        lab.visit("/")
        if "expiring_cookie_name" in lab.carried():
            last_carried = time.monotonic() - set_at
            return None
        return time.monotonic() - set_at

    with lab.step(f"Reload every {POLL} s: the cookie is carried until {seconds} s have passed"):
        gone_after = lab.wait_until(
            expired,
            timeout=seconds + 2 * SLACK,
            poll=POLL,
            message=f"expected expiring_cookie_name to stop being carried after {seconds} s, "
            f"but it was still carried after {seconds + 2 * SLACK:.0f} s",
        )
        lab.check(
            last_carried >= seconds - SLACK,
            f"expected expiring_cookie_name to be carried for {seconds} s, but it was gone "
            f"after {gone_after:.1f} s",
        )

    with lab.step(f"It stopped being carried after about {seconds} s, and is gone for good"):
        lab.visit("/")
        lab.expect_not_carried("expiring_cookie_name")
        lab.check(
            lab.stored("expiring_cookie_name") is None,
            "expected the browser to have dropped expiring_cookie_name from its store, "
            "but it still holds it",
        )
