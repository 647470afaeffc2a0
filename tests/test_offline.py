"""Chromium asks no DNS server anything: the lab needs no network but loopback, and a class
behind a firewall should not see a browser phoning home.

Each run happens in a network namespace of its own (`unshare -n`, as root), whose only
resolver records what it is asked: see tests/offline.py.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import RUNNER, why_no_namespace

from scenarios.browser.options import _only_the_lab
from scenarios.core.config import Config

pytestmark = pytest.mark.browser

OFFLINE = [sys.executable, str(Path(__file__).with_name("offline.py"))]


def offline(*args):
    """Run the CLI in a namespace of its own; bounded, as offline.py bounds its command."""
    reason = why_no_namespace()
    if reason:
        pytest.skip(reason)
    done = subprocess.run(
        ["unshare", "-n", "-m", *OFFLINE, *RUNNER, *args],
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_run_looks_up_no_name():
    # samesite-in-action: the lab's *.localhost sites, which Chromium answers itself.
    run = offline("run", "second-request", "path", "samesite-in-action")
    assert run["status"] == 0, run["output"]
    assert run["output"].endswith("\n3 passed, 0 failed\n")
    assert run["asked"] == []


def test_the_advertised_host_is_still_looked_up_and_reached():
    # As with a Grid on another machine, which must reach the host the lab advertises: here
    # a name that /etc/hosts gives, so the lookup needs no DNS either.
    run = offline("run", "second-request", "--advertise-host", "lab-host.test")
    assert run["status"] == 0, run["output"]
    assert "1 passed, 0 failed" in run["output"]
    assert run["asked"] == []


def test_the_rule_spares_the_advertised_and_base_url_hosts():
    rule = _only_the_lab(Config(advertise_host="learner-7.example"))
    assert rule.startswith("--host-resolver-rules=MAP * ~NOTFOUND")
    assert ", EXCLUDE learner-7.example" in rule and ", EXCLUDE localhost" in rule
    assert ", EXCLUDE *.localhost" in rule
    rule = _only_the_lab(Config(base_url="http://lab.example:8000"))
    assert ", EXCLUDE lab.example" in rule
