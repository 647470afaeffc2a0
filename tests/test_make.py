"""What a newcomer types: `make setup` (nothing for the Grid), `make exercise N` (the
checker's verdict, last), and what CI runs (`.ci/run`)."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def outside_make():
    """The environment as a terminal's: under `make test ARGS=...` MAKEFLAGS would hand ARGS to
    the make started here, and its check would get pytest's arguments."""
    return {
        k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "ARGS")
    }


@pytest.fixture
def bare_path(tmp_path):
    """A PATH with a browser, a driver and Xvfb, but no Java nor npm, run as root with an
    apt-get that only writes down what it was asked for."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt-get.log"
    stubs = {
        "apt-get": f'echo "$@" >> {log}',
        "id": "echo 0",
        **{
            name: "exit 0"
            for name in ("chromium", "chromium-headless-shell", "chromedriver", "xvfb-run")
        },
    }
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!/bin/bash\n{body}\n")
        (bin_dir / name).chmod(0o755)
    for tool in ("dirname", "mkdir", "touch"):
        (bin_dir / tool).symlink_to(f"/usr/bin/{tool}")
    return {**os.environ, "PATH": str(bin_dir)}, log


def setup(env, *args):
    return subprocess.run(
        ["/bin/bash", str(ROOT / "scripts" / "setup.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_setup_installs_nothing_for_the_grid(bare_path):
    env, log = bare_path
    done = setup(env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not log.exists(), f"apt-get was asked for {log.read_text()}"


def test_setup_grid_installs_java_and_npm(bare_path):
    env, log = bare_path
    setup(env, "--grid")
    assert "install -y -qq openjdk-17-jre-headless npm" in log.read_text()


def make(*args):
    """`make ARGS` as a learner types it in the project's folder."""
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env=outside_make(),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.browser
def test_an_unsolved_exercise_ends_with_the_checkers_verdict_not_makes(tmp_path):
    done = make("exercise", "1")
    assert done.returncode != 0
    said = done.stdout + done.stderr
    assert said.rstrip().endswith("1  Set a cookie  NOT SOLVED"), said
    assert "***" not in said and "scenarios check" not in said


def test_make_exercise_without_a_number_says_how(tmp_path):
    done = make("exercise")
    assert done.returncode != 0
    assert done.stdout + done.stderr == "usage: make exercise N, e.g. make exercise 3\n"


def test_ci_runs_lint_and_the_suite_listing_the_slowest_tests():
    assert "make lint test ARGS=--durations=15" in (ROOT / ".ci" / "run").read_text()
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "run: .ci/run" in workflow


@pytest.mark.browser
def test_make_exercises_ends_with_the_scoreboard_not_makes_error():
    done = make("exercises", "ARGS=-k set_a_cookie")
    assert done.returncode == 1
    said = done.stdout + done.stderr
    assert said.rstrip().endswith("1  Set a cookie  NOT SOLVED"), said
    assert "***" not in said and "scenarios check" not in said
