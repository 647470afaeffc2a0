"""Exercise 7: remember the theme across a browser restart. Goal and hints: README.md beside this.

Run it:   .venv/bin/flask --app exercises/07_remember_theme/app.py run
Check it: make exercise 7
"""

from flask import Flask, abort, make_response, request

app = Flask(__name__)

THEMES = ("light", "dark", "sepia")
LINKS = (
    '<p><a href="/">Home</a> · Try for now: <a href="/try/dark">dark</a> '
    '<a href="/try/sepia">sepia</a> · Save: <a href="/save/dark">dark</a> '
    '<a href="/save/light">light</a></p>'
)


@app.route("/")
def home():
    # A theme being tried wins for this session; otherwise the saved one; otherwise light.
    theme = request.cookies.get("trial_theme") or request.cookies.get("theme") or "light"
    if theme not in THEMES:
        theme = "light"
    return f'<body class="theme-{theme}"><h1>Theme: {theme}</h1>{LINKS}</body>'


@app.route("/try/<choice>")
def try_theme(choice):
    """Already done: a session cookie, forgotten when the browser closes."""
    if choice not in THEMES:
        abort(404)
    response = make_response(f"<h1>Trying {choice} until you close the browser.</h1>{LINKS}")
    response.set_cookie("trial_theme", choice)
    return response


@app.route("/save/<choice>")
def save_theme(choice):
    if choice not in THEMES:
        abort(404)
    response = make_response(f"<h1>Saved: {choice}.</h1>{LINKS}")
    # TODO: remember the theme for 30 days: as it is, the browser forgets it when it closes.
    response.set_cookie("theme", choice)
    return response
