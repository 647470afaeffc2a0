"""Exercise 4, solved: a cookie that expires after a few seconds.

The exercise, its goal and hints: exercises/04_expiring_cookie/

Run it:   .venv/bin/flask --app solutions/04_expiring_cookie/app.py run
Check it: .venv/bin/python -m scenarios check 4 --solutions
"""

from flask import Flask, make_response, request

app = Flask(__name__)
# How long a flash sale lasts. The check reads it too, so keep it short.
app.config["SALE_SECONDS"] = 3


@app.route("/")
def shop():
    if "sale" in request.cookies:
        return "<h1>The flash sale is on!</h1><p>Reload the page until it ends.</p>"
    return '<h1>No sale right now.</h1><p><a href="/start-sale">Start a flash sale</a></p>'


@app.route("/start-sale")
def start_sale():
    response = make_response('<h1>The sale has started</h1><p><a href="/">To the shop</a></p>')
    response.set_cookie("sale", "on", max_age=app.config["SALE_SECONDS"])
    return response
