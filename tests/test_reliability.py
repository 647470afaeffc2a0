"""No browser outlives a run, however it ends; scenarios do not depend on each other."""

import os
import random
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest
from helpers import (
    RUNNER,
    Lines,
    cookie_lab,
    processes_tagged,
    signalled_halfway,
    survivors,
    tagged_env,
)

from scenarios.content.catalog import SCENARIOS

pytestmark = pytest.mark.browser


def test_no_browser_outlives_a_failing_check(app_that_forgets_to_set_cookies):
    env = tagged_env()
    url = app_that_forgets_to_set_cookies.url
    done = subprocess.run(
        [*RUNNER, "run", "second-request", "--base-url", url], env=env, capture_output=True
    )
    assert done.returncode == 1, done.stderr
    assert survivors(env) == []


# Ctrl-C; closing the terminal; `timeout`, a CI cancel. Exit 128 + the signal's number.
@pytest.mark.parametrize(
    "signum, status",
    [(signal.SIGINT, 130), (signal.SIGHUP, 129), (signal.SIGTERM, 143)],
    ids=["SIGINT", "SIGHUP", "SIGTERM"],
)
def test_no_browser_outlives_ctrl_c_halfway(signum, status):
    # Halfway: the second scenario runs while the expiry waits in its own browser. Three
    # scenarios, not all: two browsers to start, not three, for each of the signals.
    command = [*RUNNER, "run", "second-request", "update", "expiry", "--expiry-seconds", "30"]
    returncode, stderr, left = signalled_halfway(
        command, "update:", {"chromedriver", "chromium"}, signum
    )
    assert returncode == status, stderr
    assert stderr == "cookie-lab: interrupted; the browser was closed\n"
    assert left == []


@pytest.mark.long
def test_every_scenario_passes_in_reverse_order():
    names = [s.name for s in reversed(SCENARIOS)]
    done = cookie_lab("run", *names, "--expiry-seconds", "2")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_random_subset_in_random_order_passes():
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    names = rng.sample([s.name for s in SCENARIOS], k=rng.randint(2, len(SCENARIOS) - 1))
    done = cookie_lab("run", *names, "--expiry-seconds", "2")
    assert done.returncode == 0, f"seed {seed}, order {names}:\n{done.stdout}{done.stderr}"


@pytest.fixture
def own_tmp():
    """A temporary folder of this test's own: another run on the machine (`make lab`, a
    second suite) clears stale profiles in the shared one, and would clear these before the
    test looks. Short, as Chromium's socket path must stay under 107 bytes."""
    folder = tempfile.mkdtemp(prefix="cl-", dir="/tmp")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_nothing_outlives_a_sigkilled_run_nor_the_next_which_removes_its_profiles(own_tmp):
    # SIGKILL cannot be caught: the driver dies with the run (the kernel's parent-death
    # signal), the browser with its driver (DevTools over a pipe), and the profile folders,
    # which nothing could remove then, go at the next run's start.
    env = {**tagged_env(), "TMPDIR": own_tmp}
    command = [*RUNNER, "run", "second-request", "update", "expiry", "--expiry-seconds", "30"]
    run = subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True
    )
    try:
        Lines(run.stdout).until("update:")
        assert {name for _, name in processes_tagged(env)} >= {"chromedriver", "chromium"}
        left_behind = list(Path(own_tmp).glob(f"cookie-lab-profile-{run.pid}-*"))
        assert len(left_behind) == 2, "one profile per browser: the expiry has its own"
    finally:
        run.kill()
        run.wait(timeout=30)
    assert survivors(env) == []
    assert all(path.exists() for path in left_behind)
    # The next run passes, removes them, and leaves nothing running either.
    env = {**tagged_env(), "TMPDIR": own_tmp}
    done = subprocess.run([*RUNNER, "run", "second-request", "path"], env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert not any(path.exists() for path in left_behind)
    assert survivors(env) == []


def test_a_run_leaves_nothing_in_the_temporary_folder_even_when_interrupted(own_tmp):
    # ChromeDriver's and Chromium's own temporary folders live in the profile's folder, which
    # the run removes: an interrupted run used to leave two empty scoped_dir folders a time.
    returncode, stderr, left = signalled_halfway(
        [*RUNNER, "run", "second-request", "update", "expiry", "--expiry-seconds", "30"],
        "update:",
        {"chromedriver", "chromium"},
        signal.SIGINT,
        TMPDIR=own_tmp,
    )
    assert (returncode, left) == (130, []), stderr
    assert os.listdir(own_tmp) == []
    done = subprocess.run(
        [*RUNNER, "run", "second-request"], env={**tagged_env(), "TMPDIR": own_tmp}
    )
    assert done.returncode == 0
    assert os.listdir(own_tmp) == []
