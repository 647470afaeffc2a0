"""The tutorial's own command serves the lab: `flask --app lab_app run`."""

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from markupsafe import escape

from lab_app import create_app

ROOT = Path(__file__).resolve().parents[1]
FLASK = [sys.executable, "-m", "flask", "--app", "lab_app"]


def test_flask_run_serves_every_route_on_loopback():
    # Port 0: the OS picks a free one, and the server says which.
    server = subprocess.Popen(
        [*FLASK, "run", "--port", "0"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "FLASK_DEBUG": "0"},
    )
    try:
        for line in server.stderr:
            if found := re.search(r"Running on (http://127\.0\.0\.1:\d+)", line):
                break
        else:
            raise AssertionError("flask run never said where it listens")
        url = found[1]
        lessons = create_app().extensions["cookie_lab_lessons"].values()
        # The attacker's page answers on another site only: asked for as other.localhost, by
        # its Host header (a name no resolver here need know).
        other = {"Host": f"other.localhost:{url.rpartition(':')[2]}"}
        for lesson in lessons:
            host = other if lesson.path == "/cross-site/attacker" else {}
            request = urllib.request.Request(url + lesson.path, headers=host)
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200, lesson.path
                assert (
                    f"<title>cookie-lab: {escape(lesson.title)}</title>" in response.read().decode()
                )
    finally:
        server.terminate()
        server.wait(timeout=10)
