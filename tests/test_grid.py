"""The scenarios through a real Selenium Grid: the npm package's jar on Java, started here on
loopback, its node driving the system's Chromium and ChromeDriver. Stopped by process id.
"""

import fcntl
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import cookie_lab, signalled_halfway

from scenarios.browser import Browser
from scenarios.catalog import SCENARIOS
from scenarios.config import Config
from scenarios.grid import LocalGrid, free_port
from scenarios.processes import members, settle

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


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    with LocalGrid(log_path=tmp_path_factory.mktemp("grid") / "standalone.log") as grid:
        yield grid


def through(grid, *args, timeout=240):
    done = cookie_lab("run", "--remote-url", grid.url, *args, timeout=timeout)
    log = grid.log_path.read_text()[-3000:]
    done.explained = f"{done.stdout}{done.stderr}\n--- the Grid's log, its end ---\n{log}"
    return done


def browsers_left(grid, timeout=15):
    """The Grid's own processes aside, what is still running under it, once it settles."""
    return settle(
        lambda: [pid for server in grid.pids for pid in members(server) if pid != server],
        timeout,
    )


def test_every_scenario_passes_through_a_standalone_grid_on_two_workers(grid):
    # 5 s, not 2: every command takes a hop through the Grid, and the expiry's countdown
    # must still be running when the second request has come back.
    done = through(grid, "--workers", "2", "--expiry-seconds", "5")
    assert done.returncode == 0, done.explained
    assert f"{len(SCENARIOS)} passed, 0 failed" in done.stdout
    positions = [done.stdout.index(f"\n{s.name}: ") for s in SCENARIOS]
    assert positions == sorted(positions), "the narration left scenario order"
    assert browsers_left(grid) == [], "a Grid session outlived the run"


def test_the_browser_reaches_the_lab_app_at_its_advertised_host(grid):
    # Another loopback address than the default: tests touch no address beyond loopback,
    # and the browser can only pass if it was sent to the host the lab advertised.
    done = through(grid, "second-request", "session-restart", "--advertise-host", "127.0.0.2")
    assert done.returncode == 0, done.explained
    assert "2 passed, 0 failed" in done.stdout


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
    assert f"the browser at --remote-url {grid.url} did not start" in done.stderr


@pytest.mark.xdist_group("own-grid")
def test_a_hub_and_a_node_run_the_scenarios_and_stop_leaving_nothing(tmp_path):
    with LocalGrid(hub=True, log_path=tmp_path / "hub-and-node.log") as hub:
        done = through(hub, "session-restart", "long-lasting", "deletion", "--workers", "2")
        assert done.returncode == 0, done.explained
        assert "3 passed, 0 failed" in done.stdout
        assert browsers_left(hub) == [], "a Grid session outlived the run"
        servers = hub.pids
    assert [pid for server in servers for pid in members(server)] == []


@pytest.mark.xdist_group("own-grid")
def test_a_failure_with_a_session_open_still_stops_the_grid_and_its_browser(tmp_path):
    with pytest.raises(RuntimeError, match="a check failed here"):
        with LocalGrid(log_path=tmp_path / "standalone.log") as grid:
            browser = Browser(Config(remote_url=grid.url))
            servers = grid.pids
            assert browsers_left(grid, timeout=0), "no browser started under the Grid"
            raise RuntimeError("a check failed here")
    assert [pid for server in servers for pid in members(server)] == []
    browser.quit()  # its Grid is gone: quitting only removes the profile directory


@pytest.mark.xdist_group("own-grid")
def test_make_grid_stopped_by_sigterm_leaves_no_java_of_its_own():
    # The tag reaches Java through its environment; SIGTERM, as `timeout` and a CI cancel send.
    command = [sys.executable, "-m", "scenarios.grid", "--port", str(free_port())]
    returncode, stderr, left = signalled_halfway(
        [*command, "--max-sessions", "1"], "Selenium Grid ready at", {"java"}, signal.SIGTERM, 120
    )
    assert returncode == 0, stderr
    assert stderr.endswith("Selenium Grid stopped.\n"), stderr
    assert left == [], "the Grid outlived its SIGTERM"
