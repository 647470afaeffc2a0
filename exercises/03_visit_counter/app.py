"""Exercise 3: count visits in a cookie. Goal and hints: README.md beside this file.

Run it:   .venv/bin/flask --app exercises/03_visit_counter/app.py run
Check it: make exercise 3
"""

from flask import Flask, make_response

app = Flask(__name__)


@app.route("/")
def count_visits():
    # TODO: read the "visits" cookie (text, or missing on the first visit) and add one to it.
    visits = 1
    response = make_response(f"<h1>This is visit number {visits}.</h1><p>Reload the page.</p>")
    response.set_cookie("visits", str(visits))
    return response
