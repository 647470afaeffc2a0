import fcntl
import json
import shutil
import subprocess

import pytest
from committed import committed_tree
from flask import Flask
from helpers import SHORT_EXPIRY_SECONDS, cookie_lab

from lab_app import create_app
from scenarios.browser.live import Browser
from scenarios.core.config import Config
from scenarios.lab.server import LabServer


def pytest_collection_modifyitems(items):
    """The tests marked long first, in their files' order otherwise. Under xdist (--dist
    loadgroup) each test is handed to the next free worker in this order: a 25-second grading
    started last would be the run's tail, with the other workers idle beside it."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def committed_exercises(tmp_path_factory):
    """exercises/ as committed: the starters, whatever a rehearsal changed in the checkout."""
    return committed_tree(tmp_path_factory.mktemp("committed"))


@pytest.fixture(scope="session")
def browser():
    """One headless browser for the whole session: a launch costs half a second."""
    with Browser(Config(headless=True)) as browser:
        yield browser


@pytest.fixture(scope="session")
def full_run(tmp_path_factory, worker_id):
    """Every scenario, headless, with the real 15-second expiry, on two workers, writing its
    report: the CLI's full run and the report's, made once per test session. In the full
    Chromium the class watches (the rest of the suite runs headless in its headless shell):
    the 15 s wait hides its extra CPU. Under pytest-xdist the workers share it through a
    folder and a lock (its xdist_group does not keep these tests on one worker here)."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent  # the session's, not the worker's
    directory, record = shared / "full-run", shared / "full-run.json"
    with open(shared / "full-run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            full = {"COOKIE_LAB_BROWSER_BINARY": shutil.which("chromium")}
            args = ("--headless", "--workers", "2", "--report", str(directory))
            done = cookie_lab("run", *args, env=full)
            fields = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
            record.write_text(json.dumps(fields))
    done = subprocess.CompletedProcess("cookie-lab run", **json.loads(record.read_text()))
    assert done.returncode == 0, done.stdout + done.stderr
    return done, directory / "index.html"


@pytest.fixture(scope="session")
def short_expiry_server():
    with LabServer(create_app({"EXPIRY_SECONDS": SHORT_EXPIRY_SECONDS})) as server:
        yield server


@pytest.fixture(scope="session")
def live_server():
    with LabServer(create_app({"TESTING": True})) as server:
        yield server


@pytest.fixture
def driver(browser):
    """The shared browser with an empty cookie jar, every path included."""
    browser.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    return browser.driver


@pytest.fixture
def app_that_forgets_to_set_cookies():
    app = Flask(__name__)

    @app.route("/set-cookie")
    def set_cookie():
        return '<table id="received-cookies"></table>'

    with LabServer(app) as server:
        yield server


@pytest.fixture
def released_checker(monkeypatch):
    """This suite runs in a developer's checkout, whose uncommitted edits to the checker are
    not a learner's: the verdicts compare the checker with itself as it is on disk
    (test_grading_is_blind.py shows what a changed checker says)."""
    from scenarios.tracks.automation import fingerprint

    monkeypatch.setattr(fingerprint, "changed_files", lambda root, blobs: ())
