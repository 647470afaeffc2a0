"""The runner's command line, as a user runs it: a real process, real exit codes."""

import argparse
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_run import FakeRunner
from helpers import RUNNER, cookie_lab

from scenarios.cli.main import main
from scenarios.cli.parser import build_parser
from scenarios.cli.settings import build_config
from scenarios.content import catalog
from scenarios.content.catalog import SCENARIOS
from scenarios.core.config import Config
from scenarios.core.errors import UsageError
from scenarios.tracks import exercises, runner

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def test_list_names_every_scenario_with_its_summary():
    done = cookie_lab("list")
    assert done.returncode == 0
    for scenario in SCENARIOS:
        assert f"{scenario.name} " in done.stdout
        assert scenario.summary in done.stdout
    # One column of summaries, however long the longest name.
    lines = done.stdout.splitlines()
    starts = {line.index(s.summary) for line, s in zip(lines, SCENARIOS, strict=True)}
    assert len(starts) == 1


def test_console_script_is_installed():
    script = os.path.join(os.path.dirname(sys.executable), "cookie-lab")
    done = subprocess.run([script, "list"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and "second-request" in done.stdout


@pytest.mark.browser
def test_a_failing_check_is_reported_for_the_learner_with_exit_1(
    app_that_forgets_to_set_cookies,
):
    done = cookie_lab("run", "second-request", "--base-url", app_that_forgets_to_set_cookies.url)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL" in done.stdout
    assert (
        "expected the browser to store a cookie named cookie_name, but it holds no cookies"
    ) in done.stdout
    assert "0 passed, 1 failed" in done.stdout
    assert "Traceback" not in done.stderr


def busy_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


# Refused before any browser starts: checked in process, through main(), in milliseconds.
@pytest.mark.parametrize(
    "args, env, says",
    [
        (["run", "no-such-scenario"], {}, "unknown scenario 'no-such-scenario'"),
        (["run", "--no-such-flag"], {}, "unrecognized arguments: --no-such-flag"),
        (["run", "--expiry-seconds", "soon"], {}, "--expiry-seconds must be a whole number"),
        (["run", "--expiry-seconds", "0"], {}, "--expiry-seconds must be at least 1"),
        (["run", "--slow-mo", "-1"], {}, "--slow-mo must be between 0 and 60, got -1.0"),
        (["run", "--slow-mo", "soon"], {}, "--slow-mo takes a number, got 'soon'"),
        (
            ["run", "--expiry-seconds", "300000000000"],
            {},
            "--expiry-seconds must be at most 86400 seconds (a day), got 300000000000",
        ),
        (
            ["run"],
            {"COOKIE_LAB_EXPIRY_SECONDS": "86401"},
            "COOKIE_LAB_EXPIRY_SECONDS must be at most 86400 seconds (a day), got 86401",
        ),
        (["run", "-k", "path and"], {}, "-k 'path and' is not a valid expression"),
        (["run", "-k", "no-such-thing"], {}, "-k 'no-such-thing' matches no scenario"),
        (["check", "-k", "no-such-thing"], {}, "-k 'no-such-thing' matches no exercise"),
        (["run", "-k", "a(b)"], {}, "-k 'a(b)' is not a valid expression"),
        (["run", "--base-url", "http://[::1"], {}, "--base-url 'http://[::1' is not a URL"),
        (["run", "--remote-url", "http://[::1"], {}, "--remote-url 'http://[::1' is not a URL"),
        (["run", "--browser", "netscape"], {}, "invalid choice: 'netscape'"),
        (["run", "--base-url", "localhost:5000"], {}, "--base-url must be an http(s) URL"),
        (["run", "--workers", "0"], {}, "--workers must be between 1 and 16, got 0"),
        (["run", "--port", "70000"], {}, "--port must be between 0 and 65535, got 70000"),
        (
            ["run", "--advertise-host", "http://lab:5000"],
            {},
            "--advertise-host takes a host name or address the browser can reach",
        ),
        (
            ["run", "--advertise-host", "lab\nhost"],
            {},
            "--advertise-host takes a host name or address the browser can reach, got 'lab\\nhost'",
        ),
        (
            ["run", "--advertise-host", "::"],
            {},
            "--advertise-host takes a host name or address the browser can reach, got '::'",
        ),
        (
            ["run"],
            {"COOKIE_LAB_ADVERTISE_HOST": "0.0.0.0"},
            "--advertise-host takes a host name or address the browser can reach, got '0.0.0.0'",
        ),
        (
            ["run", "--base-url", "http://127.0.0.1:5000", "--advertise-host", "lab"],
            {},
            "--advertise-host is for the lab app the runner serves, not --base-url",
        ),
        (["run", "--headed"], {"DISPLAY": ""}, "--headed needs a display"),
        (["run", "--headless", "--headed"], {"DISPLAY": ""}, "--headed needs a display"),
        (
            ["run", "expiry", "--slow-mo", "1.5", "--expiry-seconds", "2"],
            {},
            "--expiry-seconds 2 is too short for --slow-mo 1.5: the cookie would expire during "
            "the pauses; give it more than 4 s (e.g. --expiry-seconds 5), or a shorter --slow-mo",
        ),
        (
            ["run", "--slow-mo", "2"],
            {"COOKIE_LAB_EXPIRY_SECONDS": "5"},
            "--expiry-seconds 5 is too short for --slow-mo 2",
        ),
    ],
)
def test_bad_input_is_one_line_with_exit_2(args, env, says, capsys):
    assert main(args, env, io.StringIO()) == 2
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("cookie-lab: error: ")
    assert says in stderr
    # Said once: not argparse's "argument --slow-mo: --slow-mo ..." before it.
    assert "argument " not in stderr
    option = next((a for a in args if a.startswith("-")), None)
    assert option is None or stderr.count(option) <= 1 + " ".join(args[1:]).count(option)


def test_a_config_built_in_code_is_checked_too():
    with pytest.raises(UsageError, match="--slow-mo must be between 0 and 60, got -1"):
        Config(slow_mo=-1)
    with pytest.raises(UsageError, match="--expiry-seconds must be between 1 and 86400"):
        Config(expiry_seconds=3 * 10**11)


# Environment problems found by starting a browser or reaching a server: a real process.
@pytest.mark.parametrize(
    "args, env, says",
    [
        (
            ["run", "second-request", "--base-url", "http://127.0.0.1:9"],
            {},
            "the browser cannot load the lab app at http://127.0.0.1:9/ (ERR_UNSAFE_PORT)",
        ),
        (
            ["run", "second-request", "--headed"],
            {"DISPLAY": "", "COOKIE_LAB_REMOTE_URL": "http://127.0.0.1:9"},
            "cannot reach a WebDriver endpoint at --remote-url http://127.0.0.1:9",
        ),
        (
            ["run", "second-request"],
            {"COOKIE_LAB_BROWSER_BINARY": "/nonexistent/chromium"},
            "COOKIE_LAB_BROWSER_BINARY=/nonexistent/chromium is not an executable file",
        ),
        (
            ["run", "second-request"],
            {"PATH": os.path.dirname(sys.executable)},
            "no chromium browser found: run `make setup`",
        ),
        (
            ["run", "second-request"],
            {"PATH": os.path.dirname(sys.executable), "COOKIE_LAB_BROWSER_BINARY": CHROMIUM},
            "no chromedriver found: run `make setup`",
        ),
        (
            ["run", "second-request", "--browser", "firefox"],
            {"PATH": os.path.dirname(sys.executable)},
            "no firefox browser found: install Firefox and Mozilla's geckodriver (Debian: "
            "apt-get install firefox-esr, and geckodriver from "
            "github.com/mozilla/geckodriver/releases on PATH; macOS: brew install --cask firefox",
        ),
        (
            ["run", "second-request", "--remote-url", "http://127.0.0.1:9"],
            {},
            "cannot reach a WebDriver endpoint at --remote-url http://127.0.0.1:9",
        ),
    ],
)
def test_usage_and_environment_errors_are_one_line_with_exit_2(args, env, says):
    done = cookie_lab(*args, env=env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("cookie-lab: error: ")
    assert says in done.stderr


def test_a_port_already_in_use_is_one_line_with_exit_2():
    with busy_port() as sock:
        port = sock.getsockname()[1]
        done = cookie_lab("run", "second-request", "--port", str(port))
    assert done.returncode == 2
    assert done.stderr == f"cookie-lab: error: port {port} on 127.0.0.1 is already in use\n"


@pytest.mark.browser
def test_a_port_too_high_for_every_browser_is_one_line_with_exit_2():
    # Headless, the expiry runs in a browser of its own beside the other: on 65536.
    done = cookie_lab("run", "second-request", "expiry", "--port", "65535")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr == (
        "cookie-lab: error: port 65536 is out of range: --port N uses N and up, one per "
        "browser; choose a lower N\n"
    )


@pytest.mark.browser
def test_the_last_of_headed_and_headless_wins():
    # As `make lab ARGS=--headless` passes them, with no display for --headed to use.
    done = cookie_lab("run", "second-request", "--headed", "--headless", env={"DISPLAY": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed, 0 failed" in done.stdout


def config_for(*args, environ=None):
    parsed = build_parser().parse_args(["run", *args])
    return build_config(parsed, environ or {}, catalog.select(parsed.names))


@pytest.mark.parametrize(
    "args",
    [
        ["expiry", "--slow-mo", "1.5", "--expiry-seconds", "5"],
        ["second-request", "--slow-mo", "1.5", "--expiry-seconds", "2"],
        ["expiry", "--slow-mo", "0", "--expiry-seconds", "1"],
        ["--slow-mo", "1.5"],
    ],
)
def test_an_expiry_that_outlives_the_pauses_or_is_not_run_is_accepted(args):
    assert config_for(*args).slow_mo == float(args[args.index("--slow-mo") + 1])


@pytest.mark.browser
@pytest.mark.parametrize("host", ["::1", "[::1]"])
def test_an_ipv6_loopback_address_is_advertised_in_brackets(host):
    done = cookie_lab("run", "second-request", "--advertise-host", host)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed, 0 failed" in done.stdout


def with_closed(redirection, *args):
    """The CLI as `cookie-lab ARGS >&-` runs it: a standard stream closed by the shell."""
    return subprocess.run(
        ["bash", "-c", f'exec "$@" {redirection}', "bash", *RUNNER, *args],
        capture_output=True,  # the redirection closes the stream after these are set up
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("args", [["list"], ["run", "second-request"]])
def test_a_closed_stdout_is_one_line_with_exit_2(args):
    done = with_closed(">&-", *args)
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "cookie-lab: error: standard output is closed: nowhere to tell the results "
        "(send them to /dev/null to discard them)\n"
    )


def test_a_closed_stderr_or_stdin_leaves_the_listing_alone():
    for redirection in ("2>&-", "<&-"):
        done = with_closed(redirection, "list")
        assert done.returncode == 0, redirection
        assert done.stdout.startswith("second-request "), redirection


def test_urllib3_retries_stay_off_stderr_even_with_logging_set_up():
    # As a learner's app may do (logging.basicConfig): urllib3 then logs each retry of the
    # refused connection as a warning, which would break the one-line error.
    with_logging = (
        "import logging, sys; logging.basicConfig(); from scenarios.cli.main import main; "
    )
    done = subprocess.run(
        [sys.executable, "-c", with_logging + "sys.exit(main())"]
        + ["run", "second-request", "--remote-url", "http://127.0.0.1:9"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "cookie-lab: error: cannot reach a WebDriver endpoint at --remote-url "
        "http://127.0.0.1:9 ([Errno 111] Connection refused)\n"
    )


def test_version_says_the_installed_version(capsys):
    assert main(["--version"], {}, io.StringIO()) == 0
    assert re.fullmatch(r"cookie-lab \d+\.\d+\.\d+\n", capsys.readouterr().out)


def test_a_bare_cookie_lab_prints_its_usage_with_exit_2(capsys):
    assert main([], {}, io.StringIO()) == 2
    printed = capsys.readouterr()
    assert printed.err.startswith("usage: cookie-lab ")
    for command in ("list", "run", "check"):
        assert re.search(rf"^    {command} +\S", printed.err, re.M), command
    assert "error" not in printed.err


def test_every_option_of_every_command_has_help():
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        for action in command._actions:
            assert action.help, f"cookie-lab {name} {'/'.join(action.option_strings)}"


@pytest.mark.parametrize(
    "args, chosen",
    [
        (["-k", "path"], ["path", "path-boundary"]),
        (["-k", "PATH and not boundary"], ["path"]),
        (["-k", "expir or (cap and not long)"], ["expiry", "400-day-cap", "expires-date"]),
        (["update", "path", "-k", "path"], ["path"]),
    ],
)
def test_k_chooses_scenarios_by_a_piece_of_their_name_as_pytest_does(args, chosen, monkeypatch):
    fake = FakeRunner()
    monkeypatch.setattr(runner, "run", fake)
    assert main(["run", *args], {}, io.StringIO()) == 0
    assert fake.calls[0][1] == chosen


def test_k_chooses_exercises_of_both_tracks(monkeypatch):
    chosen = {}

    def run(config, both, *args, **kwargs):
        chosen["flask"] = [e for e in both if e.track == "flask"]
        chosen["auto"] = [e for e in both if e.track == "automation"]
        return []

    monkeypatch.setattr(exercises, "run", run)
    assert main(["check", "-k", "httponly"], {}, io.StringIO()) == 0
    assert [e.folder for e in chosen["flask"]] == ["08_httponly_cookie"]
    assert [e.folder for e in chosen["auto"]] == ["15_httponly_cookie"]


@pytest.mark.parametrize(
    ("hold", "said"),
    [
        ("soon", "--hold takes a number, got 'soon'"),
        ("5000", "--hold must be between 0 and 3600, got 5000.0"),
    ],
)
def test_hold_takes_seconds_up_to_an_hour(hold, said, capsys):
    assert main(["run", "--hold", hold], {}) == 2
    assert capsys.readouterr().err == f"cookie-lab: error: {said}\n"


# After the interpreter's own start (its tracebacks are its own), within the lab's imports.
@pytest.mark.parametrize("delay", [0.2, 0.35])
def test_ctrl_c_while_the_modules_load_is_one_line_and_130(delay):
    script = Path(sys.executable).with_name("cookie-lab")  # the console script pip made
    process = subprocess.Popen(
        [script, "list"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    time.sleep(delay)  # the moment of the Ctrl-C, not a wait for a state
    process.send_signal(signal.SIGINT)
    _, said = process.communicate(timeout=30)
    # Loading: one line and 130. Done already, or ending (Python resets its handler as it
    # shuts down): 0, or the signal's own end. Never a traceback.
    ok = {(130, "cookie-lab: interrupted\n"), (0, ""), (-signal.SIGINT, "")}
    assert (process.returncode, said) in ok, said
