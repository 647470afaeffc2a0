"""The learner's app in a process of its own: `python -m scenarios.exercises.sandbox`.

Whatever the learner's code does here (sys.exit(), os._exit(), app.run(), an endless loop,
a thread that never ends) happens to this process, never to the checker, which kills the
whole process group when the check is over. It says one line, as JSON, on the report pipe:
{"port": P} once it serves the app on 127.0.0.1:P, or {"failed": "to load, but ..."}, what
"expected app.py" would be followed by in the learner's message.

It imports Flask and Werkzeug, not Selenium: start-up is the learner's wait.
"""

import importlib.util
import json
import os
import sys
import threading
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flask import Flask, got_request_exception, request
from werkzeug.http import parse_cookie

from scenarios.server import LabServer

# Under this prefix the checker asks what each request carried: no learner's route is there.
PRIVATE = "/__cookie_lab__/"


def load_app(app_file):
    """Import ``app_file`` as `flask --app` would and return its Flask app: ``app``, else
    ``create_app()``. Anything it raises, SystemExit and KeyboardInterrupt included, becomes
    the end of the sentence the learner reads."""
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
        return None, "to exist, but there is no such file"
    except BaseException as exc:  # noqa: BLE001 - whatever the learner's code does is theirs
        return None, f"to load, but {describe(exc, app_file)}"
    if not isinstance(app, Flask):
        return None, (
            "to define a Flask app named app (or a create_app() that returns one), "
            "but it defines neither"
        )
    return app, None


def describe(exc, app_file):
    """``exc`` in a sentence, with the line of the learner's file it came from."""
    if isinstance(exc, SyntaxError):
        return f"it has a syntax error on line {exc.lineno}: {exc.msg}"
    ours = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(app_file)]
    where = f" on line {ours[-1].lineno} (in {ours[-1].name})" if ours else ""
    if isinstance(exc, SystemExit):
        code = "" if exc.code is None else repr(exc.code)
        return f"it called sys.exit({code}){where}, which would end the checker"
    said = f": {exc}" if str(exc) else ""
    return f"it raised {type(exc).__name__}{said}{where}"


@dataclass
class Exchange:
    """One request as the server saw it: the cookies it carried and how the app answered."""

    cookies: dict
    status: int | None = None
    error: str | None = None  # what the learner's code raised, in a sentence
    set_cookies: list = field(default_factory=list)


class Recorder:
    """WSGI middleware that keeps the last exchange for each path, and tells the checker.

    The learner's pages are theirs, so the checks cannot read a cookie table off them: what a
    request carried is read here, from the Cookie header the browser really sent, and what
    the app answered from its status and its Set-Cookie headers.
    """

    def __init__(self, app, app_file):
        self.app = app
        self.app_file = app_file
        self.last = {}
        got_request_exception.connect(self._raised, app)
        # The check's message names the error and its line; Flask's own traceback on stderr
        # would only break up the narration. The logger is this app's alone.
        app.logger.disabled = True

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        if path.startswith(PRIVATE):
            return self._tell(path.removeprefix(PRIVATE), environ, start_response)
        exchange = Exchange(dict(parse_cookie(environ.get("HTTP_COOKIE", ""))))
        self.last[path] = exchange
        environ["cookie_lab.exchange"] = exchange

        def recording(status, headers, exc_info=None):
            exchange.status = int(status.split()[0])
            exchange.set_cookies = [v for k, v in headers if k.lower() == "set-cookie"]
            return start_response(status, headers, exc_info)

        try:
            # Drained here: a SystemExit raised while the body is written is caught too.
            body = self.app(environ, recording)
            try:
                return list(body)
            finally:
                getattr(body, "close", lambda: None)()
        except BaseException as exc:  # noqa: BLE001 - sys.exit() in a view, say: the app's
            exchange.status, exchange.error = 500, describe(exc, self.app_file)
            start_response("500 INTERNAL SERVER ERROR", [("Content-Type", "text/plain")])
            return [b"The app raised an error; the checker explains it."]

    def _raised(self, sender, exception, **extra):
        error = describe(exception, self.app_file)
        request.environ["cookie_lab.exchange"].error = error

    def _tell(self, what, environ, start_response):
        if what == "exchanges":
            answer = {path: asdict(exchange) for path, exchange in self.last.items()}
        else:  # config/NAME: a setting of the learner's app, e.g. SALE_SECONDS
            answer = self.app.config.get(what.removeprefix("config/"))
        body = json.dumps(answer, default=repr).encode()
        start_response("200 OK", [("Content-Type", "application/json")])
        return [body]


def _lifeline(fd):
    """End this process once the checker is gone, even mid-import: its end of the pipe
    closes however it ends, SIGKILL included."""
    while os.read(fd, 512):
        pass
    os._exit(1)


def main(app_file, report_fd, lifeline_fd):
    os.set_inheritable(report_fd, False)  # the learner's own subprocesses must not hold them
    os.set_inheritable(lifeline_fd, False)
    threading.Thread(target=_lifeline, args=(lifeline_fd,), daemon=True).start()
    # The learner runs it as `flask --app app.py run` would, so a module-level app.run()
    # is inert, and `from app import ...` finds the learner's own modules.
    sys.path.insert(0, str(app_file.parent))
    app, failure = load_app(app_file)
    if failure:
        report = {"failed": failure}
    else:
        server = LabServer(Recorder(app, app_file)).__enter__()
        report = {"port": int(server.url.rpartition(":")[2])}
    os.write(report_fd, json.dumps(report).encode() + b"\n")
    os.close(report_fd)
    if failure:
        os._exit(0)  # the learner's non-daemon threads would keep it alive
    threading.Event().wait()  # serve until the checker kills this process group


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
