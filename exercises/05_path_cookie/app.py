"""Exercise 5: a cookie restricted to a path. Goal and hints: README.md beside this file.

Run it:   .venv/bin/flask --app exercises/05_path_cookie/app.py run
Check it: make exercise 5
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
    # TODO: keep this cookie inside /account: it should never be sent to / or /accounting.
    response.set_cookie("account", "ada")
    return response


@app.route("/account/settings")
def settings():
    return page("Your settings")


@app.route("/accounting")
def accounting():
    return page("Accounting (a different part of the site)")
