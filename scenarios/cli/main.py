"""The command line: `cookie-lab list`, `cookie-lab run [NAME ...]`, `cookie-lab check [N ...]`.

Exit 0 when every check held, 1 when one failed, 2 for a usage or environment problem,
always with one clear line and never a traceback. Stopped halfway, the browsers are closed
first: exit 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP (128 + the signal's number).
"""

import argparse
import dataclasses
import os
import re
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from scenarios.cli import keywords
from scenarios.content import catalog
from scenarios.content.exercises import catalog as exercise_catalog
from scenarios.core.config import Config, parse_seconds
from scenarios.core.errors import Cancelled, UsageError
from scenarios.core.observers import notify
from scenarios.core.processes import exit_status, stopped_like_ctrl_c
from scenarios.show.console import Narrator
from scenarios.show.report import Report
from scenarios.show.results import JsonResults, JUnitResults
from scenarios.tracks import exercises, runner

# The checkout this package is in: its exercises/ and solutions/ trees.
ROOT = Path(__file__).resolve().parents[2]


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # argparse says "argument --slow-mo: ..."; the messages here name their option already.
        named = re.match(r"argument ([^:]+): (.*)", message, re.S)
        if named:
            option, said = named.groups()
            message = said if said.startswith(option) else f"{option}: {said}"
        raise UsageError(message)


def _seconds(text):
    try:
        return parse_seconds(text, "--expiry-seconds")
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _number(kind, option):
    """An argparse type: ``text`` as a ``kind``; Config says whether it is in range."""

    def convert(text):
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{option} takes a number, got {text!r}") from None

    return convert


def _version():
    try:
        return metadata.version("cookie-lab")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


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
        type=_number(float, "--slow-mo"),
        metavar="SECONDS",
        help="pause after each step",
    )
    command.add_argument(
        "--junit-xml", metavar="FILE", help="also write the results as JUnit XML, for CI"
    )
    command.add_argument(
        "--json", metavar="FILE", help="also write the results, steps and all, as JSON"
    )


def build_parser():
    parser = _Parser(prog="cookie-lab", description="Watch HTTP cookies in a real browser.")
    parser.add_argument("--version", action="version", version=f"cookie-lab {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
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
    run.add_argument("--remote-url", metavar="URL", help="a Selenium Grid / W3C WebDriver URL")
    run.add_argument("--base-url", metavar="URL", help="a lab app already running elsewhere")
    run.add_argument(
        "--advertise-host",
        metavar="HOST",
        help="the host the browser reaches this lab app at (default 127.0.0.1)",
    )
    run.add_argument(
        "--port", type=_number(int, "--port"), help="serve the lab app on this port (default: free)"
    )
    run.add_argument(
        "--expiry-seconds",
        type=_seconds,
        metavar="N",
        help="how long the expiring cookie lives, in seconds (default 15)",
    )
    run.add_argument(
        "--page-load-timeout",
        type=_number(float, "--page-load-timeout"),
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
        type=_number(int, "--workers"),
        metavar="N",
        help="run on N browsers at once (default 1)",
    )
    _add_step(run)
    check = commands.add_parser(
        "check", help="check exercise N, or every one, and keep score (9 and up: your tests)"
    )
    check.add_argument("numbers", nargs="*", metavar="N", help="exercise numbers (default: all)")
    check.add_argument("--solutions", action="store_true", help="check the reference solutions")
    check.add_argument(
        "--headed", dest="headless", action="store_false", default=None, help="show the browser"
    )
    _add_shared(check, "exercises")
    check.add_argument(
        "--page-load-timeout",
        type=_number(float, "--page-load-timeout"),
        metavar="SECONDS",
        help="give up on a page your app has not answered after this long (default 10)",
    )
    _add_step(check)
    check.set_defaults(
        browser=None,
        remote_url=None,
        base_url=None,
        advertise_host=None,
        port=None,
        expiry_seconds=None,
        report=None,
        workers=None,
    )
    return parser


def _add_step(command):
    command.add_argument(
        "--step",
        action="store_true",
        default=None,
        help="wait after each step: Enter or Next goes on, q or Escape stops (needs --headed)",
    )


def _config(args, environ, scenarios=()):
    if args.base_url and args.advertise_host:
        raise UsageError("--advertise-host is for the lab app the runner serves, not --base-url")
    config = Config.from_env(
        environ,
        headless=True if args.headless is None else args.headless,
        slow_mo=args.slow_mo,
        browser=args.browser,
        remote_url=args.remote_url,
        base_url=args.base_url.rstrip("/") if args.base_url else None,
        advertise_host=args.advertise_host,
        port=args.port,
        workers=args.workers,
        expiry_seconds=args.expiry_seconds,
        page_load_seconds=args.page_load_timeout,
        step=args.step,
    )
    if not config.headless and not config.remote_url and not environ.get("DISPLAY"):
        raise UsageError("--headed needs a display: set DISPLAY, or run under xvfb-run")
    catalog.refusal(config, scenarios)
    return dataclasses.replace(config, report_dir=_report_dir(args.report))


def _report_dir(path):
    """Made and tried before the run, so an unwritable DIR is a one-line error, not a report
    lost after the run. (Permission bits alone say little: root ignores them, a read-only
    disk does not.)"""
    if path is None:
        return None
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise UsageError(f"--report {path}: {exc.strerror}") from None
    if (path / Report.NAME).is_dir():
        raise UsageError(f"--report {path}: {path / Report.NAME} is a directory")
    return path


def _closed_streams():
    """The names of the standard streams the shell closed (`>&-`), each now on /dev/null.

    Python leaves sys.stdout None for a closed descriptor 1, and the next file or socket
    opened would take that number, and a driver started later would write its output into
    it: /dev/null holds the place instead.
    """
    closed = []
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            closed.append(name)
    if "stderr" in closed:
        sys.stderr = open(2, "w", closefd=False)  # lives as long as we do
    return closed


def main(argv=None, environ=None, out=None):
    environ = os.environ if environ is None else environ
    closed = _closed_streams()
    if out is None and "stdout" in closed:
        print(
            "cookie-lab: error: standard output is closed: nowhere to tell the results "
            "(send them to /dev/null to discard them)",
            file=sys.stderr,
        )
        return 2
    out = out or sys.stdout
    try:
        with stopped_like_ctrl_c():
            return _main(argv, environ, out)
    except UsageError as exc:
        print(f"cookie-lab: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version, which argparse ends itself
        return exc.code or 0
    except (KeyboardInterrupt, Cancelled) as exc:
        print("cookie-lab: interrupted; the browser was closed", file=sys.stderr)
        return exit_status(exc)
    except BrokenPipeError:
        # The reader went away (`cookie-lab list | head`): stop quietly, as other tools do,
        # and keep the interpreter's final flush from failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _results_files(args, command):
    """The files for CI the command line asked for, each checked writable before the run."""
    kinds = ((JUnitResults, args.junit_xml), (JsonResults, args.json))
    return [kind(path, command) for kind, path in kinds if path]


def _main(argv, environ, out):
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # a bare `cookie-lab`: what it can do, as a usage error
        parser.print_help(sys.stderr)
        return 2
    if args.command == "list":
        for scenario in catalog.SCENARIOS:
            out.write(f"{scenario.name:<16} {scenario.summary}\n")
        return 0
    if args.command == "check":
        return _check(args, environ, out)
    scenarios = catalog.select(args.names)
    if args.keyword is not None:
        scenarios = keywords.choose(args.keyword, scenarios, lambda s: s.name, "scenario")
    config = _config(args, environ, scenarios)
    files = _results_files(args, "run")
    report = Report(config.report_dir) if config.report_dir is not None else None
    writers = [*files, *filter(None, [report])]
    try:
        results = runner.run(config, scenarios, [Narrator(out), *writers])
    except (KeyboardInterrupt, Cancelled):
        _write_interrupted(writers, out)
        raise
    if report is not None:
        out.write(f"report: {report.where()}\n")
    return 0 if all(r.passed for r in results) else 1


def _write_interrupted(writers, out):
    """What an interrupted run finished still goes to its files, marked interrupted."""
    for writer in writers:
        try:
            writer.write(interrupted=True)
        except UsageError as exc:  # the interrupt's own exit status stays the one that counts
            print(f"cookie-lab: error: {exc}", file=sys.stderr)
    for report in (w for w in writers if isinstance(w, Report)):
        out.write(f"\nreport (interrupted): {report.where()}\n")


def _check(args, environ, out):
    # Numbers past the Flask track's are the automation track's: learners' browser tests.
    chosen = exercise_catalog.select(args.numbers)
    if args.keyword is not None:
        chosen = keywords.choose(args.keyword, chosen, _folder, "exercise")
    tree = ROOT / ("solutions" if args.solutions else "exercises")
    config = _config(args, environ)
    files = _results_files(args, "check")
    outcomes = exercises.run(config, chosen, tree, out)
    for outcome in outcomes:
        notify(files, "exercise_finished", outcome)
    notify(files, "run_finished", outcomes)
    return 0 if all(o.solved for o in outcomes) else 1


def _folder(exercise):
    return exercise.folder
