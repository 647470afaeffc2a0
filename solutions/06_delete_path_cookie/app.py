"""Exercise 6, solved: delete a cookie that was set with a path.

The exercise, its goal and hints: exercises/06_delete_path_cookie/

Run it:   .venv/bin/flask --app solutions/06_delete_path_cookie/app.py run
Check it: .venv/bin/python -m scenarios check 6 --solutions
"""

from flask import Flask, make_response, request

app = Flask(__name__)

LINKS = (
    '<p><a href="/shop">The shop</a> · <a href="/shop/add">Add three cookies</a> · '
    '<a href="/shop/empty">Empty the basket</a></p>'
)


@app.route("/shop")
def shop():
    basket = request.cookies.get("basket")
    if basket:
        return f"<h1>Your basket holds {basket} cookies.</h1>{LINKS}"
    return f"<h1>Your basket is empty.</h1>{LINKS}"


@app.route("/shop/add")
def add():
    """Already done: the basket lives at /shop, so it is never sent to the rest of the site."""
    response = make_response(f"<h1>Three cookies added.</h1>{LINKS}")
    response.set_cookie("basket", "3", path="/shop")
    return response


@app.route("/shop/empty")
def empty():
    response = make_response(f"<h1>Basket emptied?</h1>{LINKS}")
    # A deletion replaces the cookie with the same name *and* path: without path= it would
    # target Path=/ and miss the basket, which lives at /shop.
    response.delete_cookie("basket", path="/shop")
    return response
