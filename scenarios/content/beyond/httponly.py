"""An HttpOnly cookie reaches the server but never page scripts.

You will see /set-httponly-cookie set httponly_cookie_name with HttpOnly and
script_cookie_name without it. The next request carries both to the server, but
document.cookie shows only script_cookie_name, and a page script that tries to overwrite the
HttpOnly cookie changes nothing.
"""

NAME = "httponly"

FORGED = "forged_by_a_script"


def run(lab):
    with lab.step(
        "Visit /set-httponly-cookie: one cookie with HttpOnly, one without",
        about=("httponly_cookie_name", "script_cookie_name"),
    ):
        lab.visit("/set-httponly-cookie")
        header = lab.page.set_cookie_header("httponly_cookie_name")
        lab.check(
            "; HttpOnly" in header,
            f"expected httponly_cookie_name set with HttpOnly, but the response sent {header}",
        )

    with lab.step(
        "The next request carries both cookies to the server",
        about=("httponly_cookie_name", "script_cookie_name"),
    ):
        lab.visit("/")
        lab.expect_carried("httponly_cookie_name", "httponly_cookie_value")
        lab.expect_carried("script_cookie_name", "script_cookie_value")

    with lab.step(
        "document.cookie shows script_cookie_name only: scripts never see HttpOnly",
        about=("httponly_cookie_name", "script_cookie_name"),
        shows="#document-cookie",
    ):
        seen = lab.page.document_cookie()
        lab.check(
            "script_cookie_name" in seen,
            f"expected document.cookie to show script_cookie_name, but it shows {sorted(seen)}",
        )
        lab.check(
            "httponly_cookie_name" not in seen,
            "expected document.cookie to hide httponly_cookie_name, but a page script sees it",
        )
        lab.check(
            lab.expect_stored("httponly_cookie_name").http_only,
            "expected the browser to mark httponly_cookie_name HttpOnly, but it does not",
        )

    with lab.step(
        f"A page script writes httponly_cookie_name={FORGED}: the browser ignores it",
        about="httponly_cookie_name",
    ):
        lab.driver.execute_script(f"document.cookie = 'httponly_cookie_name={FORGED}'")
        lab.visit("/")
        lab.expect_carried("httponly_cookie_name", "httponly_cookie_value")
