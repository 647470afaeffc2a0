"""Exercise 17, solved: a transfer another site's form cannot make.

The exercise, its goal and hints: exercises/17_csrf_token/

Run it:   .venv/bin/flask --app solutions/17_csrf_token/app.py run
Check it: .venv/bin/python -m scenarios check 17 --solutions
"""

import secrets

from flask import Flask, make_response, request, session

app = Flask(__name__)
# Flask's session is a signed cookie: a page can read the token in the form, another site
# can neither read it nor forge one.
app.secret_key = secrets.token_bytes(32)

SESSION = "ada-session-1"
TRANSFERS = []  # what the bank did, in order


@app.route("/login")
def login():
    response = make_response('<h1>Logged in.</h1><p><a href="/transfer">Make a transfer</a></p>')
    # Lax: another site's links still arrive signed in; its forms arrive without the cookie.
    response.set_cookie("session_id", SESSION, httponly=True, samesite="Lax")
    return response


@app.route("/transfer", methods=["GET", "POST"])
def transfer():
    if request.cookies.get("session_id") != SESSION:
        return '<h1>You are not signed in.</h1><p><a href="/login">Log in</a></p>', 403
    if request.method == "POST":
        # SameSite stops other sites; the token also stops a page of this same site (a
        # sibling subdomain) that the browser would send the cookie from.
        expected = session.get("csrf_token", "")
        if not expected or not secrets.compare_digest(request.form.get("csrf_token", ""), expected):
            return "<h1>Transfer refused.</h1>", 403
        TRANSFERS.append(request.form.get("amount", "?"))
        return f"<h1>Transfer done.</h1><p>{len(TRANSFERS)} transfers so far.</p>"
    token = session.setdefault("csrf_token", secrets.token_urlsafe(32))
    return f"""<h1>Make a transfer</h1>
<form method="post" action="/transfer">
  <input name="amount" value="10">
  <input type="hidden" name="csrf_token" value="{token}">
  <button type="submit">Transfer</button>
</form>"""
