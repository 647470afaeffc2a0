"""A Selenium Grid on this machine: for the tests, and for a class to point its labs at.

`python -m scenarios.browser.grid` (`make grid`) starts one in the foreground and prints its URL;
Ctrl-C stops it, as do SIGTERM and SIGHUP (`timeout`, a closed terminal), with exit 0: stopping
is how it ends. The Selenium server jar comes from the npm package @nightwatch/selenium-server
(scripts/setup.sh installs it into .grid/), and Java runs it. Its node drives the system's
Chromium through the system's ChromeDriver, with Selenium Manager and driver detection off:
nothing is downloaded.

Whoever reaches a Grid drives its node's Chromium, which runs as this user with no sandbox and
reads local files through file:// URLs. So a Grid on an address beyond loopback asks for a
user name and a password made up at its start (`--auth` asks for them on loopback too), and
its hub's node and event bus listen on loopback only.
"""

import argparse
import base64
import dataclasses
import errno
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

from scenarios.browser.binaries import resolve
from scenarios.core.config import Config, UsageError, is_loopback
from scenarios.core.processes import members, settle, stopped_like_ctrl_c

# The user name a password-protected Grid asks for; the password is new at each start.
USER = "cookie-lab"
JARS = Path(__file__).resolve().parents[2] / ".grid/node_modules/@nightwatch/selenium-server/lib"


def find_jar(setting=None):
    """The jar ``setting`` names (Config.grid_jar: COOKIE_LAB_GRID_JAR), else setup.sh's."""
    jar = setting or next(JARS.glob("selenium-server-*.jar"), "")
    if not os.path.isfile(jar):
        raise UsageError(
            "no Selenium server jar: run `scripts/setup.sh --grid` (make grid does), "
            "or set COOKIE_LAB_GRID_JAR"
        )
    return str(jar)


def free_port(host="127.0.0.1"):
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def check_free(host, port):
    """A port another server (another Grid) holds is one line, before Java starts: the other
    Grid would answer our readiness poll, and ours would then fail to bind."""
    with socket.socket() as sock:
        # As Java binds: a port whose last connection is only closing is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(
                    f"port {port} on {host} is already in use (another Grid?): stop it, "
                    "or choose another port with --port"
                ) from None
            raise UsageError(f"cannot serve a Grid on {host}:{port}: {exc.strerror}") from None


def node_flags(config, max_sessions):
    """A node that answers the lab's ChromeOptions with the system's Chromium and driver."""
    # The full Chromium, not the headless shell: a session may ask for a visible window.
    binary, driver = resolve(dataclasses.replace(config, headless=False))
    if binary is None or driver is None:
        raise UsageError("the Grid's node needs chromium and chromedriver: run `make setup`")
    # ChromeOptions ask for browserName "chrome"; the binary is the node's business, and the
    # flags (headless, no sandbox) come with each session's own options.
    stereotype = {"browserName": "chrome", "goog:chromeOptions": {"binary": binary}}
    return [
        "--selenium-manager", "false",
        "--detect-drivers", "false",
        "--max-sessions", str(max_sessions),
        "--override-max-sessions", "true",
        "--driver-configuration",
        "display-name=chromium",
        f"max-sessions={max_sessions}",
        f"webdriver-executable={driver}",
        f"stereotype={json.dumps(stereotype)}",
    ]  # fmt: skip


# A request waits in the Grid's queue for a free slot at most this long (its default: 300 s),
# and the queue is swept this often. Shorter than a client's wait for a new session (60 s at
# the default page-load timeout, browser/remote.py): the Grid drops the request itself and
# the check says the Grid was full. A request its client gave up on would stay queued, and
# the Grid would start, when a slot freed, a browser nobody quits for its idle timeout.
SESSION_REQUEST_SECONDS = 40
QUEUE_FLAGS = (
    "--session-request-timeout", str(SESSION_REQUEST_SECONDS),
    "--session-request-timeout-period", "5",
)  # fmt: skip

# A class's Grid answers a few requests a second at most: the JIT's optimising tier and a
# parallel collector only cost CPU at start (2.6 s of a hub-and-node test's 20 on 2 cores).
JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


class _Server:
    """One Grid process in its own session: stopping it by its process id (the session's id)
    takes every driver and browser it started with it."""

    def __init__(self, role, args, log, jar=None):
        java = shutil.which("java")
        if java is None:
            raise UsageError("no java to run the Selenium Grid: run `scripts/setup.sh --grid`")
        self.role = role
        self.process = subprocess.Popen(
            [java, *JVM_FLAGS, "-jar", find_jar(jar), role, *args],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self, grace=10):
        group = self.process.pid
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not members(group):
                break
            try:
                os.killpg(group, sig)
            except ProcessLookupError:
                break
            settle(lambda: members(group), grace)
        self.process.wait()


class LocalGrid:
    """A Grid on ``host``: standalone, or a hub with one node (``hub=True``).

    The servers write to ``log_path``, or to this terminal when it is None. With ``auth``,
    the Grid asks for USER and a new password: ``remote_url`` carries them, ``url`` not.
    ``config`` (by default Config.from_env's, read at the start) names the jar, the browser
    binary and the driver.
    """

    def __init__(
        self,
        hub=False,
        host="127.0.0.1",
        port=0,
        max_sessions=4,
        log_path=None,
        auth=False,
        config=None,
    ):
        self.hub, self.host, self.max_sessions = hub, host, max_sessions
        self.config = config
        self.log_path = log_path
        self.port = port or free_port(host)
        self.url = f"http://{host}:{self.port}"
        self.password = secrets.token_urlsafe(12) if auth else None
        self.servers = []
        self.log = None
        self._secrets = None  # the folder of the password's file, while the Grid runs

    def __enter__(self):
        try:
            check_free(self.host, self.port)
            if self.log_path:
                self.log = open(self.log_path, "w")  # closed by stop()
            self._start()
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def remote_url(self):
        """What a lab passes as --remote-url."""
        if self.password is None:
            return self.url
        return f"http://{USER}:{self.password}@{self.host}:{self.port}"

    def _credentials(self):
        """The Grid's flags for its password: a file only this user can read, named by
        --config, so that the password is not on Java's command line for `ps` to show."""
        if self.password is None:
            return []
        if self._secrets is None:
            self._secrets = tempfile.mkdtemp(prefix="cookie-lab-grid-")  # mode 0700
            path = os.path.join(self._secrets, "router.toml")
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as file:
                file.write(f'[router]\nusername = "{USER}"\npassword = "{self.password}"\n')
        return ["--config", os.path.join(self._secrets, "router.toml")]

    @property
    def pids(self):
        return [server.process.pid for server in self.servers]

    def _start(self):
        config = self.config or Config.from_env()
        jar, port = config.grid_jar, str(self.port)
        common = ["--host", self.host, "--reject-unsupported-caps", "true", *QUEUE_FLAGS]
        common += self._credentials()
        if not self.hub:
            args = [*common, "--port", port, *node_flags(config, self.max_sessions)]
            self.servers.append(_Server("standalone", args, self.log, jar))
            return
        # Only the hub's router faces the room: the node and the event bus, which answer
        # anyone who reaches them and take no password, serve the hub on this machine.
        local = "127.0.0.1"
        bus = [
            "--publish-events", f"tcp://{local}:{free_port(local)}",
            "--subscribe-events", f"tcp://{local}:{free_port(local)}",
        ]  # fmt: skip
        self.servers.append(_Server("hub", [*common, "--port", port, *bus], self.log, jar))
        node = ["--host", local, "--port", str(free_port(local)), "--grid-url", self.url]
        flags = node_flags(config, self.max_sessions)
        self.servers.append(_Server("node", [*node, *bus, *flags], self.log, jar))

    def wait_until_ready(self, timeout=90):
        """Poll /status until the Grid says it is ready, for at most ``timeout`` seconds."""
        if settle(self._starting, timeout, interval=0.25):
            raise UsageError(f"the Selenium Grid at {self.url} was not ready after {timeout} s")

    def _starting(self):
        """True while the Grid is not ready yet; a server that exited is an error."""
        for server in self.servers:
            if server.process.poll() is not None:
                raise UsageError(
                    f"the Selenium Grid's {server.role} exited with status "
                    f"{server.process.returncode}; see {self.log_path or 'its output'}"
                )
        return not self.ready()

    def ready(self):
        request = urllib.request.Request(f"{self.url}/status")
        if self.password is not None:
            token = base64.b64encode(f"{USER}:{self.password}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                return json.load(response)["value"]["ready"] is True
        except (OSError, ValueError, KeyError):
            return False

    def stop(self):
        # The node first: the hub would otherwise wait for it to deregister.
        for server in reversed(self.servers):
            server.stop()
        if self.log:
            self.log.close()
        if self._secrets is not None:
            shutil.rmtree(self._secrets, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make grid", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="an address learners can reach")
    parser.add_argument("--port", type=int, default=4444)
    parser.add_argument("--max-sessions", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--hub", action="store_true", help="a hub and a node, not standalone")
    parser.add_argument(
        "--auth",
        action="store_true",
        help="ask for a user name and password on loopback too (beyond it, always)",
    )
    args = parser.parse_args(argv)
    try:
        beyond = not is_loopback(args.host)
        grid = LocalGrid(
            args.hub, args.host, args.port, args.max_sessions, auth=args.auth or beyond
        )
        # A lab on another machine must tell the node where its app is.
        advertise = " --advertise-host <its own address>" if beyond else ""
        asks = "; it asks for the user name and password in the URL below" if grid.password else ""
        with stopped_like_ctrl_c(), grid:
            print(
                f"\nSelenium Grid ready at {grid.url} ({args.max_sessions} browsers at "
                f"once{asks})\n"
                f"Point a lab at it: cookie-lab run --remote-url {grid.remote_url}{advertise}\n"
                "Ctrl-C stops it.",
                flush=True,
            )
            threading.Event().wait()
    except UsageError as exc:
        print(f"make grid: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nSelenium Grid stopped.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
