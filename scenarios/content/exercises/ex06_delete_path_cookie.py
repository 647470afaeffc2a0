"""Delete a cookie that was set with a path.

You will see /shop/add store the cookie basket for the path /shop, /shop show the basket,
then /shop/empty delete it with its Set-Cookie header: the browser no longer holds basket at
any path, and /shop says the basket is empty.
"""

NUMBER = 6
SLUG = "delete_path_cookie"
TRACK = "flask"
TITLE = "Delete a cookie that was set with a path"


def check(lab):
    with lab.step("Visit /shop/add, then /shop: the basket cookie is stored and sent"):
        lab.visit("/shop/add")
        lab.visit("/shop")
        lab.expect_carried("basket", "3")
        lab.expect_heading("Your basket holds 3 cookies.")

    with lab.step("Visit /shop/empty: the browser drops basket"):
        lab.visit("/shop/empty")
        left = [c for c in lab.jar.all() if c.name == "basket"]
        # What the app sent says why: a deletion aimed at another path misses the cookie.
        sent = [h for h in lab.page.set_cookie_headers() if h.startswith("basket=")]
        said = "; ".join(f"Set-Cookie: {h}" for h in sent) or "no Set-Cookie for basket"
        lab.check(
            not left,
            "expected the browser to hold no basket cookie after /shop/empty, but it still "
            + " and ".join(f"holds basket={c.value} for the path {c.path}" for c in left)
            + f"; /shop/empty sent {said}",
        )
        lab.expect_deleted_by("basket", "/shop")

    with lab.step("Visit /shop: no basket is sent, and the basket is empty"):
        lab.visit("/shop")
        lab.expect_not_carried("basket")
        lab.expect_heading("Your basket is empty.")
