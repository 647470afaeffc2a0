"""Exercise 5, solved: a cookie restricted to a path.

The exercise, its goal and hints: exercises/05_path_cookie/

Run it:   .venv/bin/flask --app solutions/05_path_cookie/app.py run
Check it: .venv/bin/python -m scenarios check 5 --solutions
"""

from flask import Flask, make_response, request

app = Flask(__name__)

LINKS = (
    '<p><a href="/">Home</a> · <a href="/account/login">Log in</a> · '
    '<a href="/account/settings">Settings</a> · <a href="/accounting">Accounting</a></p>'
)


def page(title):
    who = request.cookies.get("account")
    said = f"This request carried account={who}." if who else "This request carried no account."
    return f"<h1>{title}</h1><p>{said}</p>{LINKS}"


@app.route("/")
def home():
    return page("Home")


@app.route("/account/login")
def login():
    response = make_response(page("You are logged in as ada"))
    response.set_cookie("account", "ada", path="/account")
    return response


@app.route("/account/settings")
def settings():
    return page("Your settings")


@app.route("/accounting")
def accounting():
    return page("Accounting (a different part of the site)")
