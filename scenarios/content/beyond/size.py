"""A cookie over 4096 bytes is dropped by the browser without a word.

You will see /set-oversized-cookies set kept_size_cookie, whose name and value take exactly
4096 bytes, and dropped_size_cookie, one byte more. Werkzeug warns about both on the server
(its 4093-byte limit counts the whole Set-Cookie line, so it is stricter than browsers); the
browser keeps the first, silently ignores the second, and never sends it.
"""

NAME = "size"

LIMIT = 4096
KEPT, DROPPED = "kept_size_cookie", "dropped_size_cookie"


def run(lab):
    with lab.step(
        "Visit /set-oversized-cookies: the server warned while setting both",
        about=(KEPT, DROPPED),
        shows="#server-warnings",
    ):
        lab.visit("/set-oversized-cookies")
        warned = lab.page.server_warnings()
        for name in (KEPT, DROPPED):
            lab.check(
                any(f"'{name}' cookie is too large" in w for w in warned),
                f"expected the page to show Werkzeug's warning about {name}, but it shows "
                f"{warned or 'no warning'}",
            )

    with lab.step(
        f"The browser kept {KEPT}: name and value take {LIMIT} bytes, the limit", about=KEPT
    ):
        size = len(KEPT) + len(lab.expect_stored(KEPT).value)
        lab.check(size == LIMIT, f"expected {KEPT} to take {LIMIT} bytes, but it takes {size}")

    with lab.step(
        f"It silently ignored {DROPPED}, one byte over: no error, no cookie", about=DROPPED
    ):
        lab.expect_not_stored(DROPPED)

    with lab.step(
        f"The next request carries {KEPT} whole, and never {DROPPED}", about=(KEPT, DROPPED)
    ):
        lab.visit("/")
        lab.expect_carried(KEPT)
        carried = len(KEPT) + len(lab.page.carried()[KEPT])
        lab.check(
            carried == LIMIT,
            f"expected {KEPT} to arrive whole ({LIMIT} bytes), but {carried} bytes arrived",
        )
        lab.expect_not_carried(DROPPED)
