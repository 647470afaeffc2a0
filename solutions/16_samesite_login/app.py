"""Exercise 16, solved: a login cookie another site's links keep, and its forms do not.

The exercise, its goal and hints: exercises/16_samesite_login/

Run it:   .venv/bin/flask --app solutions/16_samesite_login/app.py run
Check it: .venv/bin/python -m scenarios check 16 --solutions
"""

from flask import Flask, make_response, request

app = Flask(__name__)

SESSION = "ada-session-1"


@app.route("/login")
def login():
    response = make_response('<h1>Logged in.</h1><p><a href="/account">Your account</a></p>')
    # Lax: sent when another site links here, not when it posts. Said here, not left to the
    # browser, which sends a cookie without SameSite on a cross-site POST for 2 minutes.
    response.set_cookie("session_id", SESSION, httponly=True, samesite="Lax")
    return response


@app.route("/account", methods=["GET", "POST"])
def account():
    if request.cookies.get("session_id") != SESSION:
        return '<h1>You are not signed in.</h1><p><a href="/login">Log in</a></p>'
    if request.method == "POST":  # changes the account: what another site must not do
        return f"<h1>Your e-mail is now {request.form.get('email', '?')}.</h1>"
    return "<h1>You are signed in.</h1>"
