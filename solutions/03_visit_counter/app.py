"""Exercise 3, solved: count visits in a cookie.

The exercise, its goal and hints: exercises/03_visit_counter/

Run it:   .venv/bin/flask --app solutions/03_visit_counter/app.py run
Check it: .venv/bin/python -m scenarios check 3 --solutions
"""

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/")
def count_visits():
    # A cookie is text: anything but a number (say, one the user edited) starts again at 1.
    carried = request.cookies.get("visits", "0")
    visits = int(carried) + 1 if carried.isdigit() else 1
    response = make_response(f"<h1>This is visit number {visits}.</h1><p>Reload the page.</p>")
    response.set_cookie("visits", str(visits))
    return response
