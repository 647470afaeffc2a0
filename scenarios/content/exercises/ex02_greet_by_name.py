"""Greet the user by the name in a cookie.

You will see / greet a stranger, then /remember?name=Ada store the name, and / greet Ada by
it; then the same for Grace; then a name the app never stored, which the browser holds
all the same, so the name really comes from the cookie the request carried.
"""

NUMBER = 2
SLUG = "greet_by_name"
TRACK = "flask"
TITLE = "Greet the user by the name in a cookie"


def check(lab):
    with lab.step("Visit / with no cookie: the page greets a stranger"):
        lab.visit("/")
        lab.expect_heading("Hello, stranger!")

    for name in ("Ada", "Grace"):
        with lab.step(f"Visit /remember?name={name}, then /: the page greets {name}"):
            lab.visit(f"/remember?name={name}")
            lab.visit("/")
            lab.expect_carried("name", name)
            lab.expect_heading(f"Hello, {name}!")

    # Remembered on the server, or written by a script in the page, the name would not follow.
    with lab.step("The browser holds name=Linus, which /remember never set: / greets Linus"):
        lab.plant("name", "Linus")
        lab.visit("/")
        lab.expect_carried("name", "Linus")
        lab.expect_heading(
            "Hello, Linus!", why="the name must come from the cookie the request carried"
        )
