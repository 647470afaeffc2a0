"""The learner's app in a process of its own: `python -m scenarios.tracks.flask_track.sandbox`.

Whatever the learner's code does here (sys.exit(), os._exit(), app.run(), an endless loop,
a thread that never ends) happens to this process, never to the checker, which kills the
whole process group when the check is over. It says one line, as JSON, on the report pipe:
{"port": P} once it serves the app on 127.0.0.1:P (or, for a browser on a Grid, on the host
the node is sent to: HOST, the optional last argument), or {"failed": "to load, but ..."}, what
"expected app.py" would be followed by in the learner's message.

It imports Flask and Werkzeug, not Selenium: start-up is the learner's wait.
"""

import importlib.util
import json
import os
import sys
import threading
import traceback
from pathlib import Path

from flask import Flask
from werkzeug.exceptions import BadRequestKeyError

from scenarios.core.isolation import enter
from scenarios.lab.server import LabServer
from scenarios.tracks.flask_track.missing_key import missing_key
from scenarios.tracks.flask_track.recorder import Recorder


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
    if isinstance(exc, BadRequestKeyError):  # request.cookies["name"]: Flask's 400
        return missing_key(exc, ours[-1] if ours else None, app_file.name)
    where = f" on line {ours[-1].lineno} (in {ours[-1].name})" if ours else ""
    if isinstance(exc, SystemExit):
        code = "" if exc.code is None else repr(exc.code)
        return f"it called sys.exit({code}){where}, which would end the checker"
    said = f": {exc}" if str(exc) else ""
    return f"it raised {type(exc).__name__}{said}{where}"


def _lifeline(fd):
    """End this process once the checker is gone, even mid-import: its end of the pipe
    closes however it ends, SIGKILL included."""
    while os.read(fd, 512):
        pass
    os._exit(1)


def main(app_file, report_fd, lifeline_fd, host="127.0.0.1"):
    enter()  # the learner's process, in its box (core/isolation.py)
    os.set_inheritable(report_fd, False)  # the learner's own subprocesses must not hold them
    os.set_inheritable(lifeline_fd, False)
    threading.Thread(target=_lifeline, args=(lifeline_fd,), daemon=True).start()
    # Loaded as `flask --app app.py run` loads it: the checker set FLASK_RUN_FROM_CLI, so a
    # module-level app.run() returns at once, and the app's folder comes first on sys.path,
    # so an `import helpers` beside app.py finds the learner's own module.
    sys.path.insert(0, str(app_file.parent))
    app, failure = load_app(app_file)
    if failure:
        report = {"failed": failure}
    else:
        recorded = Recorder(app, lambda exc: describe(exc, app_file))
        server = LabServer(recorded, advertise=host).__enter__()
        report = {"port": int(server.url.rpartition(":")[2])}
    os.write(report_fd, json.dumps(report).encode() + b"\n")
    os.close(report_fd)
    if failure:
        os._exit(0)  # the learner's non-daemon threads would keep it alive
    threading.Event().wait()  # serve until the checker kills this process group


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:5])
