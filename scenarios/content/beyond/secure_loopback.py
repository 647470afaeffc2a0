"""A Secure cookie over plain http: kept on loopback, refused anywhere else.

You will see /set-secure-cookie set secure_cookie_name with Secure over plain http. Browsers
count 127.0.0.1 and localhost as secure contexts, so Chromium keeps it and sends it back, on
either name; each name is its own host with its own cookies. On any other plain-http host,
say http://192.168.1.20, the browser would refuse a Secure cookie: only https, or loopback,
may set or receive one.
"""

NAME = "secure-loopback"
# It uses the loopback's two names: a browser on another machine reaches neither.
NEEDS_LOOPBACK = True


def _expect_secure_context(lab):
    secure, url = lab.driver.execute_script("return [window.isSecureContext, location.href]")
    lab.check(
        secure,
        f"expected {lab.browser_name} to count {url} as a secure context, but it does not",
    )


def run(lab):
    with lab.step(
        "Visit /set-secure-cookie over plain http: its response sets a Secure cookie",
        about="secure_cookie_name",
    ):
        lab.visit("/set-secure-cookie")
        header = lab.page.set_cookie_header("secure_cookie_name")
        lab.check("; Secure" in header, f"expected a Secure cookie, but the response sent {header}")

    with lab.step(
        f"{lab.browser_name} kept it: this loopback page is a secure context",
        about="secure_cookie_name",
    ):
        stored = lab.expect_stored("secure_cookie_name")
        lab.check(stored.secure, "expected secure_cookie_name marked Secure, but it is not")
        _expect_secure_context(lab)

    with lab.step("The next request over plain http carries it", about="secure_cookie_name"):
        lab.visit("/")
        lab.expect_carried("secure_cookie_name", "secure_cookie_value")

    with lab.step(
        "The loopback's other name is another host: its first request carries none",
        about="secure_cookie_name",
    ):
        lab.visit(lab.twin_url("/set-secure-cookie"))
        lab.expect_not_carried("secure_cookie_name")
        _expect_secure_context(lab)

    with lab.step(
        "There too the Secure cookie is kept, and the next request over http carries it",
        about="secure_cookie_name",
    ):
        lab.visit(lab.twin_url("/"))
        lab.expect_carried("secure_cookie_name", "secure_cookie_value")
