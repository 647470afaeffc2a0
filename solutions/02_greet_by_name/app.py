"""Exercise 2, solved: greet the user by the name in a cookie.

The exercise, its goal and hints: exercises/02_greet_by_name/

Run it:   .venv/bin/flask --app solutions/02_greet_by_name/app.py run
Check it: .venv/bin/python -m scenarios check 2 --solutions
"""

from flask import Flask, make_response, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/")
def greet():
    name = request.cookies.get("name", "stranger")
    # escape() keeps a name like "<script>" from becoming part of the page.
    return (
        f"<h1>Hello, {escape(name)}!</h1>"
        '<p><a href="/remember?name=Ada">I am Ada</a> · '
        '<a href="/remember?name=Grace">I am Grace</a></p>'
    )


@app.route("/remember")
def remember():
    """Already done: stores the name from ?name=... in the cookie "name"."""
    name = request.args.get("name", "")
    response = make_response(f'<p>I will remember you, {escape(name)}. <a href="/">Home</a></p>')
    response.set_cookie("name", name)
    return response
