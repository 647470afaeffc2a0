"""Exercise 4: a cookie that expires after a few seconds. Goal and hints: README.md beside this.

Run it:   .venv/bin/flask --app exercises/04_expiring_cookie/app.py run
Check it: make exercise 4
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
    # TODO: make this cookie expire after app.config["SALE_SECONDS"] seconds.
    response.set_cookie("sale", "on")
    return response
