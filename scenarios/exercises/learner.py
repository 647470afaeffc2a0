"""The learner's app: imported from its file as `flask --app` would, and watched while served."""

import importlib.util
import sys
import traceback
from dataclasses import dataclass

from flask import Flask, got_request_exception, request
from werkzeug.http import parse_cookie

from scenarios.lab import CheckFailed


def load_app(app_file, shown_as):
    """Import ``app_file`` and return its Flask app: ``app``, else ``create_app()``.

    Whatever goes wrong is the learner's to fix, so it becomes a CheckFailed in their words.
    """
    name = "cookie_lab_learner_" + "_".join(app_file.parts[-3:-1])
    spec = importlib.util.spec_from_file_location(name, app_file)
    module = importlib.util.module_from_spec(spec)
    # Registered while it runs: Flask(__name__) finds the app's folder through sys.modules.
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        app = getattr(module, "app", None)
        if not isinstance(app, Flask) and callable(getattr(module, "create_app", None)):
            app = module.create_app()
    except FileNotFoundError:
        raise CheckFailed(f"expected your app in {shown_as}, but there is no such file") from None
    except Exception as exc:  # noqa: BLE001 - any error in the learner's code is theirs to fix
        raise CheckFailed(f"expected {shown_as} to load, but {describe(exc, app_file)}") from None
    finally:
        sys.modules.pop(name, None)
    if not isinstance(app, Flask):
        raise CheckFailed(
            f"expected {shown_as} to define a Flask app named app (or a create_app() that "
            "returns one), but it defines neither"
        )
    return app


def describe(exc, app_file):
    """``exc`` in a sentence, with the line of the learner's file it came from."""
    if isinstance(exc, SyntaxError):
        return f"it has a syntax error on line {exc.lineno}: {exc.msg}"
    ours = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(app_file)]
    where = f" on line {ours[-1].lineno} (in {ours[-1].name})" if ours else ""
    return f"it raised {type(exc).__name__}: {exc}{where}"


@dataclass
class Exchange:
    """One request as the server saw it: the cookies it carried and how the app answered."""

    cookies: dict
    status: int | None = None
    error: Exception | None = None


class Recorder:
    """WSGI middleware that keeps the last exchange for each path.

    The learner's pages are theirs, so the checks cannot read a cookie table off them: what a
    request carried is read here, from the Cookie header the browser really sent.
    """

    def __init__(self, app):
        self.app = app
        self.last = {}
        got_request_exception.connect(self._raised, app)
        # The check's message names the error and its line; Flask's own traceback on stderr
        # would only break up the narration. The logger is this app's alone.
        app.logger.disabled = True

    def __call__(self, environ, start_response):
        exchange = Exchange(dict(parse_cookie(environ.get("HTTP_COOKIE", ""))))
        self.last[environ.get("PATH_INFO") or "/"] = exchange
        environ["cookie_lab.exchange"] = exchange

        def recording(status, headers, exc_info=None):
            exchange.status = int(status.split()[0])
            return start_response(status, headers, exc_info)

        return self.app(environ, recording)

    def _raised(self, sender, exception, **extra):
        request.environ["cookie_lab.exchange"].error = exception
