"""Exercise 1: set a cookie. Goal and hints: README.md beside this file.

Run it:   .venv/bin/flask --app exercises/01_set_a_cookie/app.py run
Check it: make exercise 1
"""

from flask import Flask, make_response

app = Flask(__name__)


@app.route("/")
def home():
    return '<h1>The bakery</h1><p><a href="/bake">Bake me a cookie</a></p>'


@app.route("/bake")
def bake():
    response = make_response('<h1>Here is a cookie for you</h1><p><a href="/">Back</a></p>')
    # TODO: give the browser a cookie named "flavour" with the value "chocolate-chip".
    return response
