import os
import subprocess
import sys

import pytest

from lab_app import create_app


def test_defaults_without_test_config(monkeypatch):
    monkeypatch.delenv("COOKIE_LAB_EXPIRY_SECONDS", raising=False)
    assert create_app().config["EXPIRY_SECONDS"] == 15


def test_environment_overrides_the_expiry(monkeypatch):
    monkeypatch.setenv("COOKIE_LAB_EXPIRY_SECONDS", "30")
    assert create_app().config["EXPIRY_SECONDS"] == 30


def test_test_config_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("COOKIE_LAB_EXPIRY_SECONDS", "30")
    assert create_app({"EXPIRY_SECONDS": 2}).config["EXPIRY_SECONDS"] == 2


@pytest.mark.parametrize("bad", [0, -3, "15", 1.5, True])
def test_bad_expiry_is_refused(bad):
    with pytest.raises(ValueError, match="EXPIRY_SECONDS"):
        create_app({"EXPIRY_SECONDS": bad})


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("COOKIE_LAB_BROKEN", "junk", "Error: BROKEN: no broken lab is named 'junk'"),
        ("COOKIE_LAB_EXPIRY_SECONDS", "0", "Error: EXPIRY_SECONDS must be a whole number"),
    ],
)
def test_flask_run_with_a_bad_setting_says_one_line_and_exits_2(variable, value, said):
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "lab_app", "routes"],
        env={**os.environ, variable: value},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(said) and done.stderr.count("\n") == 1, done.stderr
