"""Exercise 1, solved: set a cookie.

The exercise, its goal and hints: exercises/01_set_a_cookie/

Run it:   .venv/bin/flask --app solutions/01_set_a_cookie/app.py run
Check it: .venv/bin/python -m scenarios check 1 --solutions
"""

from flask import Flask, make_response

app = Flask(__name__)


@app.route("/")
def home():
    return '<h1>The bakery</h1><p><a href="/bake">Bake me a cookie</a></p>'


@app.route("/bake")
def bake():
    response = make_response('<h1>Here is a cookie for you</h1><p><a href="/">Back</a></p>')
    response.set_cookie("flavour", "chocolate-chip")
    return response
