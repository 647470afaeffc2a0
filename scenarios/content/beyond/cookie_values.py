"""Spaces, quotes, commas, semicolons and non-ASCII in a value: quoted on the way out.

You will see /set-tricky-value-cookies set five values a cookie may not carry bare. Flask
sends each in double quotes, with quotes backslashed and commas, semicolons and non-ASCII
bytes as octal escapes (\\054, \\073, \\303\\251). The browser keeps that quoted text exactly
as sent, page scripts read it that way in document.cookie, and it goes back to the server
unchanged, where Flask decodes the original values again.
"""

NAME = "cookie-values"

# name: (the value the route sets, the Set-Cookie value Flask sends and the browser keeps)
VALUES = {
    "space_cookie": ("hello world", '"hello world"'),
    "quote_cookie": ('say "hi"', r'"say \"hi\""'),
    "comma_cookie": ("one,two", r'"one\054two"'),
    "semicolon_cookie": ("one;two", r'"one\073two"'),
    "non_ascii_cookie": ("café ☕", r'"caf\303\251 \342\230\225"'),
}


def run(lab):
    with lab.step(
        "Visit /set-tricky-value-cookies: Flask quotes and escapes every value", about=tuple(VALUES)
    ):
        lab.visit("/set-tricky-value-cookies")
        for name, (_, sent) in VALUES.items():
            header = lab.page.set_cookie_header(name)
            lab.check(
                header == f"{name}={sent}; Path=/",
                f"expected Flask to send {name}={sent}; Path=/, but it sent {header}",
            )

    with lab.step(
        "The browser keeps each value exactly as sent, quotes and escapes included",
        about=tuple(VALUES),
    ):
        for name, (_, sent) in VALUES.items():
            lab.expect_stored(name, sent)

    with lab.step("Page scripts read the same quoted text in document.cookie", about=tuple(VALUES)):
        lab.visit("/")
        seen = lab.page.document_cookie()
        for name, (_, sent) in VALUES.items():
            lab.check(
                seen.get(name) == sent,
                f"expected document.cookie to show {name}={sent}, but it shows {seen.get(name)}",
            )

    with lab.step(
        "The browser sends it back unchanged, and Flask decodes the original values",
        about=tuple(VALUES),
    ):
        raw = lab.page.cookie_header()
        for name, (value, sent) in VALUES.items():
            lab.check(
                f"{name}={sent}" in raw,
                f"expected the Cookie header to carry {name}={sent}, but it was {raw}",
            )
            lab.expect_carried(name, value)
