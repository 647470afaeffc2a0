"""Exercise 8, solved: an HttpOnly cookie page scripts cannot read.

The exercise, its goal and hints: exercises/08_httponly_cookie/

Run it:   .venv/bin/flask --app solutions/08_httponly_cookie/app.py run
Check it: .venv/bin/python -m scenarios check 8 --solutions
"""

from flask import Flask, make_response, request

app = Flask(__name__)

TOKEN = "s3cr3t-token"
# What any script on the page (yours, or one an attacker slipped in) can read of the cookies.
SCRIPT_VIEW = """<p id="script-sees"></p>
<script>
document.getElementById("script-sees").textContent =
    "Page scripts see: " + (document.cookie || "(no cookies)");
</script>"""


@app.route("/login")
def login():
    response = make_response('<h1>Logged in.</h1><p><a href="/profile">Your profile</a></p>')
    response.set_cookie("session_token", TOKEN, httponly=True)
    return response


@app.route("/profile")
def profile():
    if request.cookies.get("session_token") == TOKEN:
        return f"<h1>You are signed in.</h1>{SCRIPT_VIEW}"
    return f'<h1>You are not signed in.</h1><p><a href="/login">Log in</a></p>{SCRIPT_VIEW}'
