"""A cookie that expires after a few seconds.

You will see /start-sale store the cookie sale with an expiry app.config["SALE_SECONDS"]
seconds away, given in its Set-Cookie header, / announce the sale while the cookie lives,
and, reloaded every half second, say there is no sale once the browser has dropped it,
though it was never closed.
"""

NUMBER = 4
SLUG = "expiring_cookie"
TRACK = "flask"
TITLE = "A cookie that expires after a few seconds"

# Loose enough for a loaded machine: the expiry is read a moment after it was set.
WITHIN = 2.0


def check(lab):
    seconds = lab.app_config("SALE_SECONDS")
    with lab.step("Visit /start-sale: the browser stores sale with an expiry"):
        lab.check(
            isinstance(seconds, int) and seconds > 0,
            'expected app.config["SALE_SECONDS"] to be a whole number of seconds, '
            f"but it is {seconds!r}",
        )
        lab.visit("/start-sale")
        lab.expect_lifetime("sale", seconds, within=WITHIN)
        lab.expect_sent("sale", lasting=True)

    with lab.step("Visit /: the request carries sale, and the sale is on"):
        lab.visit("/")
        lab.expect_carried("sale")
        lab.expect_heading("The flash sale is on!")

    def sale_over():
        lab.visit("/")
        return "sale" not in lab.page.carried()

    with lab.step(f"Reload / until the sale ends, about {seconds} s after it started"):
        lab.wait_until(
            sale_over,
            timeout=seconds + WITHIN,
            message=f"expected the browser to stop sending sale after {seconds} seconds, "
            f"but it still sent it after {seconds + WITHIN:.0f} seconds",
        )
        lab.expect_heading("No sale right now.")
