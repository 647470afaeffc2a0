"""The scenarios through a real Selenium Grid: the npm package's jar on Java, started here on
loopback, its node driving the system's Chromium and ChromeDriver. Stopped by process id.
"""

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import Lines, cookie_lab, processes_tagged, survivors, tagged_env

from scenarios.browser.grid import LocalGrid, free_port
from scenarios.browser.live import Browser
from scenarios.browser.profiles import alive
from scenarios.core.config import Config
from scenarios.core.processes import members, settle

# Under pytest-xdist, the tests that share the standalone Grid share a worker; those that
# start a Grid of their own share another.
pytestmark = [pytest.mark.browser, pytest.mark.grid, pytest.mark.xdist_group("grid")]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", autouse=True)
def grid_installed(tmp_path_factory):
    """The Grid's pieces, installed the first time a Grid test needs them: `make setup` leaves
    them out (learners never need them). One worker installs, the other waits its turn."""
    lock = tmp_path_factory.getbasetemp().parent / "cookie-lab-grid-setup.lock"
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        done = subprocess.run(
            ["bash", str(ROOT / "scripts" / "setup.sh"), "--grid"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert done.returncode == 0, done.stdout + done.stderr


class MadeGrid:
    """`make grid` as a class starts it, in the background: its process, the port it holds,
    the URL it tells labs to use (with its password), and what it printed."""

    def __init__(self, *args, env, within=120):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "scenarios.browser.grid", "--port", str(self.port), *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.output = Lines(self.process.stdout)  # the Grid's own log follows the URL
        line = self.output.until("Point a lab", within)
        self.remote_url = re.search(r"--remote-url (\S+)", line)[1]
        self.shown_url = re.sub(r":[^:@/]+@", ":***@", self.remote_url)
        # The Grid's own server: Java, in a process group of its own.
        self.pids = [pid for pid, name in processes_tagged(env) if name == "java"]
        assert self.pids, "make grid said it was ready, but no Java runs"

    def stop(self):
        """SIGTERM, as `timeout` and a CI cancel send: Java and its browsers go with it."""
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)
        return self.process.stderr.read()


@pytest.fixture(scope="module")
def grid():
    """One `make grid --auth` for the module, two browsers at once; stopped at its end, when
    it must leave nothing running and say it stopped."""
    env = tagged_env()
    grid = MadeGrid("--auth", "--max-sessions", "2", env=env)
    try:
        yield grid
    finally:
        said = grid.stop()
        assert survivors(env) == [], "the Grid outlived its SIGTERM"
        assert grid.process.returncode == 0 and said.endswith("Selenium Grid stopped.\n"), said


def through(grid, *args, remote_url=None, timeout=240):
    done = cookie_lab("run", "--remote-url", remote_url or grid.remote_url, *args, timeout=timeout)
    log = "".join(grid.output.seen) if isinstance(grid, MadeGrid) else grid.log_path.read_text()
    log = log[-3000:]
    done.explained = f"{done.stdout}{done.stderr}\n--- the Grid's log, its end ---\n{log}"
    return done


def browsers_left(grid, timeout=15):
    """The Grid's own processes aside, what is still running under it, once it settles."""
    return settle(
        lambda: [pid for server in grid.pids for pid in members(server) if pid != server],
        timeout,
    )


# A few scenarios prove the Grid path (a visit, a path, a restart in a new session, on two
# browsers at once); tests/test_scenarios.py runs every one of them in a local browser.
REPRESENTATIVE = ("second-request", "path", "session-restart")


def test_scenarios_pass_through_a_grid_with_a_password_on_two_workers_at_the_advertised_host(
    grid,
):
    # Another loopback address than the default: tests touch no address beyond loopback,
    # and the browser can only pass if it was sent to the host the lab advertised.
    done = through(grid, *REPRESENTATIVE, "--workers", "2", "--advertise-host", "127.0.0.2")
    assert done.returncode == 0, done.explained
    assert done.stderr == ""  # no warning about the password in the URL
    assert f"{len(REPRESENTATIVE)} passed, 0 failed" in done.stdout
    positions = [done.stdout.index(f"\n{name}: ") for name in REPRESENTATIVE]
    assert positions == sorted(positions), "the narration left scenario order"
    assert browsers_left(grid) == [], "a Grid session outlived the run"


def test_the_password_is_on_no_command_line(grid):
    """`ps` shows every user each process's command line: the Grid's password is in a
    file only its owner can read, not in Java's arguments."""
    password = re.fullmatch(r"http://cookie-lab:([^@]+)@.*", grid.remote_url)[1]
    for pid in grid.pids:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert password.encode() not in b" ".join(arguments)
        config = arguments[arguments.index(b"--config") + 1].decode()
        assert os.stat(config).st_mode & 0o077 == 0, "others can read the password's file"


def test_a_lab_without_the_password_or_with_a_wrong_one_is_one_line(grid):
    user, password = re.fullmatch(
        rf"http://(\w[\w-]*):([\w-]+)@127\.0\.0\.1:{grid.port}", grid.remote_url
    ).groups()
    assert user == "cookie-lab" and len(password) >= 16

    bare = f"http://127.0.0.1:{grid.port}"
    done = through(grid, "second-request", remote_url=bare, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.explained
    assert (
        f"the browser at --remote-url {bare} did not start: Authorization Required; " in done.stderr
    )
    assert "asks for a user name and password" in done.stderr

    wrong = f"http://cookie-lab:not-{password}@127.0.0.1:{grid.port}"
    done = through(grid, "second-request", remote_url=wrong, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.explained
    assert "the user name or password in --remote-url is wrong" in done.stderr
    assert password not in done.stderr
    assert f"--remote-url http://cookie-lab:***@127.0.0.1:{grid.port} " in done.stderr


def test_a_second_make_grid_on_its_port_is_one_line_before_any_java_starts(grid):
    second = subprocess.run(
        [sys.executable, "-m", "scenarios.browser.grid", "--port", str(grid.port)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert second.returncode == 2, second.stdout + second.stderr
    assert second.stderr == (
        f"make grid: error: port {grid.port} on 127.0.0.1 is already in use (another Grid?): "
        "stop it, or choose another port with --port\n"
    )
    assert "ready" not in second.stdout


def test_a_lab_app_the_grid_cannot_reach_is_one_line_that_names_advertise_host(grid):
    unreachable = f"http://127.0.0.1:{free_port()}"
    done = through(grid, "second-request", "--base-url", unreachable)
    assert done.returncode == 2, done.explained
    assert done.stderr.count("\n") == 1, done.stderr
    assert f"the browser cannot load the lab app at {unreachable}/" in done.stderr
    assert "--advertise-host" in done.stderr


def test_a_browser_the_grid_does_not_offer_is_one_line_with_exit_2(grid):
    done = through(grid, "second-request", "--browser", "firefox", timeout=60)
    assert done.returncode == 2, done.explained
    assert done.stderr.count("\n") == 1, done.stderr
    assert f"the browser at --remote-url {grid.shown_url} did not start" in done.stderr


@pytest.mark.xdist_group("own-grid")
def test_a_hub_and_a_node_run_the_scenarios_and_stop_leaving_nothing_even_mid_session(tmp_path):
    # With a password, as a hub beyond loopback has one. One Grid for both lessons: a Java
    # start costs seconds of CPU.
    with pytest.raises(RuntimeError, match="a check failed here"):
        with LocalGrid(hub=True, log_path=tmp_path / "hub-and-node.log", auth=True) as hub:
            done = through(hub, "session-restart", "long-lasting", "deletion", "--workers", "2")
            assert done.returncode == 0, done.explained
            assert "3 passed, 0 failed" in done.stdout
            assert browsers_left(hub) == [], "a Grid session outlived the run"
            servers = hub.pids
            # Then a failure with a session open: stopping the Grid still ends its browser.
            browser = Browser(Config(remote_url=hub.remote_url))
            assert browsers_left(hub, timeout=0), "no browser started under the Grid"
            raise RuntimeError("a check failed here")
    assert [pid for server in servers for pid in members(server)] == []
    browser.quit()  # its Grid is gone: quitting only removes the profile directory


def test_a_check_of_both_tracks_through_the_grid_at_the_advertised_host(grid, tmp_path):
    """`check --remote-url`: a Flask starter unsolved and a solution solved (with its browser
    restart, on the node), and a learner's test graded on the Grid. Exercise 1's verdict
    reads as a local check's: the jar through BiDi says what DevTools says."""
    tree = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises" / "01_set_a_cookie", tree / "01_set_a_cookie")
    for solved in ("07_remember_theme", "09_second_request"):
        shutil.copytree(ROOT / "solutions" / solved, tree / solved)
    before = _node_profiles()
    done = cookie_lab(
        "check", "1", "7", "9", "--exercises", str(tree), "--remote-url", grid.remote_url,
        "--advertise-host", "127.0.0.2", timeout=180,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr == ""
    said = " ".join(done.stdout.split())
    assert "Expected the browser to store a cookie named flavour, but it holds no cookies." in said
    assert "Scoreboard: 2 of 3 solved" in said
    assert "1 Set a cookie NOT SOLVED" in said
    assert "7 Remember the theme across a browser restart solved" in said  # checked quietly
    assert "caught all 6 broken labs" in said
    assert browsers_left(grid) == [], "a Grid session outlived the check"
    assert _left_by_the_dead(before) == [], "a grading's profile on the node outlived it"


def test_the_learners_fixtures_take_a_grid_as_run_does(grid):
    """pytest on a learner's test by hand, with --remote-url: the restart happens on the
    node, the lab is served at --advertise-host, and a broken lab still fails the test."""
    test = ROOT / "solutions" / "14_session_restart"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test),
               f"--rootdir={test}", "--remote-url", grid.remote_url,
               "--advertise-host", "127.0.0.2"]  # fmt: skip
    for broken, said in ((None, "1 passed"), ("session-cookie-persists", "1 failed")):
        extra = ["--lab-broken", broken] if broken else []
        done = subprocess.run([*command, *extra], capture_output=True, text=True, timeout=120)
        assert said in done.stdout, done.stdout + done.stderr
    assert browsers_left(grid) == [], "a Grid session outlived pytest"


def _node_profiles():
    """The profiles a node on this machine holds for runs (a uuid's 32 digits after the pid
    of the run that named them) and those runs' pids."""
    found = {}
    for path in Path("/tmp").glob("cookie-lab-profile-*-*"):
        pid, _, tail = path.name.removeprefix("cookie-lab-profile-").partition("-")
        if len(tail) == 32 and pid.isdigit():
            found[path] = int(pid)
    return found


def _left_by_the_dead(before):
    """The node's profiles made since ``before`` whose run has ended: the grading child
    names them by its pid as the machine sees it, so that they can be told apart."""
    return [path for path, pid in _node_profiles().items() if path not in before and not alive(pid)]
