"""Exercise 16: a login cookie another site's links keep, and its forms do not. Goal and hints:
README.md beside this.

Run it:   .venv/bin/flask --app exercises/16_samesite_login/app.py run
Check it: make exercise 16
"""

from flask import Flask, make_response, request

app = Flask(__name__)

SESSION = "ada-session-1"


@app.route("/login")
def login():
    response = make_response('<h1>Logged in.</h1><p><a href="/account">Your account</a></p>')
    # TODO: say SameSite=Lax yourself: sent when another site links here, not when it posts.
    response.set_cookie("session_id", SESSION, httponly=True)
    return response


@app.route("/account", methods=["GET", "POST"])
def account():
    if request.cookies.get("session_id") != SESSION:
        return '<h1>You are not signed in.</h1><p><a href="/login">Log in</a></p>'
    if request.method == "POST":  # changes the account: what another site must not do
        return f"<h1>Your e-mail is now {request.form.get('email', '?')}.</h1>"
    return "<h1>You are signed in.</h1>"
