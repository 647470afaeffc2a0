"""Exercise 17: a transfer another site's form cannot make. Goal and hints: README.md beside this.

Run it:   .venv/bin/flask --app exercises/17_csrf_token/app.py run
Check it: make exercise 17
"""

from flask import Flask, make_response, request

app = Flask(__name__)

SESSION = "ada-session-1"
TRANSFERS = []  # what the bank did, in order


@app.route("/login")
def login():
    response = make_response('<h1>Logged in.</h1><p><a href="/transfer">Make a transfer</a></p>')
    # TODO: keep session_id at home when another site posts here (SameSite).
    response.set_cookie("session_id", SESSION, httponly=True)
    return response


@app.route("/transfer", methods=["GET", "POST"])
def transfer():
    if request.cookies.get("session_id") != SESSION:
        return '<h1>You are not signed in.</h1><p><a href="/login">Log in</a></p>', 403
    if request.method == "POST":
        # TODO: refuse the transfer (403, "Transfer refused.") unless the form's csrf_token
        # is the one this page gave this session.
        TRANSFERS.append(request.form.get("amount", "?"))
        return f"<h1>Transfer done.</h1><p>{len(TRANSFERS)} transfers so far.</p>"
    # TODO: add a hidden input named csrf_token, holding a token another site cannot read.
    return """<h1>Make a transfer</h1>
<form method="post" action="/transfer">
  <input name="amount" value="10">
  <button type="submit">Transfer</button>
</form>"""
