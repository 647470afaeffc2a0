"""The class server's app factory: Flask over a Store, the learners' API and the instructor's
board, with the caps and headers every response carries."""

from dataclasses import dataclass, field

from flask import Flask, request
from werkzeug.exceptions import HTTPException

from scenarios.classroom.board import board
from scenarios.classroom.guard import RateLimit
from scenarios.classroom.learner_api import api, refuse
from scenarios.classroom.wire import BODY_MOST

HEADERS = {
    # The board's script is a file of its own, so no inline script can run: a name that
    # slipped past the escaping would still be text.
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # Progress is personal, and stale the moment it is read.
    "Cache-Control": "no-store",
}


@dataclass
class Classroom:
    """What the routes share: the record, the secrets, the limits."""

    store: object  # store.Store
    code: str
    token: str
    # The checker learners should run (tracks/automation/fingerprint.py): any other is flagged.
    fingerprint: str
    # Where learners reach the class (the join command's URL); None: the URL of the request.
    url: str | None = None
    posts: RateLimit = field(default_factory=RateLimit)
    # Wrong class codes and instructor tokens, per address: ten, then one a minute.
    guesses: RateLimit = field(default_factory=lambda: RateLimit(burst=10, per_second=1 / 60))

    @property
    def join_command(self):
        url = (self.url or request.host_url).rstrip("/")
        return f'cookie-lab join {url} --code {self.code} --name "YOUR NAME"'


def create_app(classroom):
    """The class server's Flask app over ``classroom`` (a Classroom)."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = BODY_MOST
    app.config["MAX_FORM_MEMORY_SIZE"] = 4096
    app.extensions["classroom"] = classroom
    app.register_blueprint(api)
    app.register_blueprint(board)

    @app.after_request
    def headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc):
        # A 413 for a body over the cap, a 404, a 405: one line of JSON for a machine.
        if exc.code == 413:
            return refuse(413, f"the body is over {BODY_MOST // 1024} KiB")
        return refuse(exc.code, exc.description.split(".")[0].lower())

    return app
