"""The command line's grammar: `cookie-lab list | run [NAME ...] | check [N ...] | watch [N]`
and their options, each with its help."""

from pathlib import Path

from scenarios.cli import classroom
from scenarios.cli.arguments import Parser, number, seconds, version
from scenarios.content.exercises.catalog import AUTOMATION_TRACK


def build_parser():
    parser = Parser(prog="cookie-lab", description="Watch HTTP cookies in a real browser.")
    parser.add_argument("--version", action="version", version=f"cookie-lab {version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.add_parser("list", help="list every scenario")
    run = commands.add_parser("run", help="run all scenarios, or the named ones")
    run.add_argument("names", nargs="*", metavar="NAME", help="scenarios to run (default: all)")
    # Both may be given: the last one wins, so `make lab ARGS=--headless` overrides its --headed.
    run.add_argument(
        "--headless",
        dest="headless",
        action="store_true",
        default=None,
        help="run the browser without a window (the default)",
    )
    run.add_argument("--headed", dest="headless", action="store_false", help="show the browser")
    _add_shared(run, "scenarios")
    run.add_argument(
        "--browser",
        choices=("chromium", "firefox"),
        help="the browser to drive (default chromium)",
    )
    run.add_argument("--remote-url", metavar="URL", help=REMOTE_HELP)
    run.add_argument("--base-url", metavar="URL", help="a lab app already running elsewhere")
    run.add_argument("--advertise-host", metavar="HOST", help=ADVERTISE_HELP)
    run.add_argument(
        "--port", type=number(int, "--port"), help="serve the lab app on this port (default: free)"
    )
    run.add_argument(
        "--expiry-seconds",
        type=seconds,
        metavar="N",
        help="how long the expiring cookie lives, in seconds (default 15)",
    )
    run.add_argument(
        "--page-load-timeout",
        type=number(float, "--page-load-timeout"),
        metavar="SECONDS",
        help="give up on a page that has not loaded after this long (default 10)",
    )
    run.add_argument(
        "--report",
        type=Path,
        metavar="DIR",
        help="write the illustrated report to DIR/index.html (a partial run: beside it)",
    )
    run.add_argument(
        "--workers",
        type=number(int, "--workers"),
        metavar="N",
        help="run on N browsers at once (default 1)",
    )
    _add_step(run)
    run.add_argument(
        "--hold",
        type=number(float, "--hold"),
        metavar="SECONDS",
        help="keep the headed browser's last screen (the run's summary) up this long at most; "
        "0: close at once (default: until Enter or q at a terminal)",
    )
    check = commands.add_parser(
        "check",
        help=f"check exercise N, or every one, and keep score ({_spans(AUTOMATION_TRACK)}: "
        "your tests)",
    )
    check.add_argument("numbers", nargs="*", metavar="N", help="exercise numbers (default: all)")
    _add_exercises_folder(check, "check")
    check.add_argument("--solutions", action="store_true", help="check the reference solutions")
    _add_headed(check)
    _add_shared(check, "exercises")
    _add_page_load_timeout(check)
    _add_step(check)
    _add_grid(check)
    check.set_defaults(**{k: v for k, v in RUN_ONLY.items() if k not in GRID})
    classroom.add_commands(commands)
    _add_watch(commands)
    return parser


# The settings only `run` takes, as the exercise commands leave them to Config.
RUN_ONLY = dict.fromkeys(
    ("browser", "remote_url", "base_url", "advertise_host", "port", "expiry_seconds", "report",
     "workers", "hold")
)  # fmt: skip


# The settings of a browser on a Grid, which `check` takes as `run` does.
GRID = ("remote_url", "advertise_host")


REMOTE_HELP = "a Selenium Grid / W3C WebDriver URL"
ADVERTISE_HELP = "the host the browser reaches this lab app at (default 127.0.0.1)"


def _add_grid(command):
    command.add_argument("--remote-url", metavar="URL", help=REMOTE_HELP)
    command.add_argument(
        "--advertise-host",
        metavar="HOST",
        help="with --remote-url: the host the Grid's node reaches your app or the lab at "
        "(default 127.0.0.1)",
    )


def _add_exercises_folder(command, verb):
    command.add_argument(
        "--exercises",
        type=Path,
        metavar="DIR",
        help=f"the exercises folder to {verb} (default: the exercises/ of the checkout you are in)",
    )


def _add_headed(command):
    command.add_argument(
        "--headed", dest="headless", action="store_false", default=None, help="show the browser"
    )


def _add_page_load_timeout(command):
    command.add_argument(
        "--page-load-timeout",
        type=number(float, "--page-load-timeout"),
        metavar="SECONDS",
        help="give up on a page your app has not answered after this long (default 10)",
    )


def _add_watch(commands):
    watch = commands.add_parser(
        "watch", help="check exercise N (or the first not yet solved) again on every save"
    )
    watch.add_argument("number", nargs="?", metavar="N", help="the exercise to start on")
    _add_exercises_folder(watch, "watch")
    _add_headed(watch)
    watch.add_argument(
        "--slow-mo", type=number(float, "--slow-mo"), metavar="S", help="pause after each step"
    )
    _add_page_load_timeout(watch)
    watch.set_defaults(**RUN_ONLY, step=None)


def _add_shared(command, what):
    """The options `run` and `check` share: selection, watching, and the files for CI."""
    command.add_argument(
        "-k",
        dest="keyword",
        metavar="EXPR",
        help=f"only the {what} whose name contains EXPR, as pytest's -k: "
        '-k path, -k "path and not boundary"',
    )
    command.add_argument(
        "--slow-mo",
        type=number(float, "--slow-mo"),
        metavar="SECONDS",
        help="pause after each step",
    )
    command.add_argument(
        "--junit-xml", metavar="FILE", help="also write the results as JUnit XML, for CI"
    )
    command.add_argument(
        "--json", metavar="FILE", help="also write the results, steps and all, as JSON"
    )


def _add_step(command):
    command.add_argument(
        "--step",
        action="store_true",
        default=None,
        help="wait after each step: Enter or Next goes on, q or Escape stops (needs --headed)",
    )


def _spans(exercises):
    """Their numbers as runs: 9-15, 18-19."""
    spans = []
    for e in exercises:
        if spans and spans[-1][1] == e.number - 1:
            spans[-1][1] = e.number
        else:
            spans.append([e.number, e.number])
    return ", ".join(f"{a}-{b}" if b > a else f"{a}" for a, b in spans)
