"""Exercise 8: an HttpOnly cookie page scripts cannot read. Goal and hints: README.md beside this.

Run it:   .venv/bin/flask --app exercises/08_httponly_cookie/app.py run
Check it: make exercise 8
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
    # TODO: mark this cookie HttpOnly, so that only the server, never a page script, reads it.
    response.set_cookie("session_token", TOKEN)
    return response


@app.route("/profile")
def profile():
    if request.cookies.get("session_token") == TOKEN:
        return f"<h1>You are signed in.</h1>{SCRIPT_VIEW}"
    return f'<h1>You are not signed in.</h1><p><a href="/login">Log in</a></p>{SCRIPT_VIEW}'
