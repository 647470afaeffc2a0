"""From the parsed command line and the environment to what a run needs, all checked before
it starts: the validated Config, the report's folder and the results files for CI."""

import dataclasses
import tempfile

from scenarios.content import catalog
from scenarios.core.config import Config
from scenarios.core.errors import UsageError
from scenarios.show.report import Report
from scenarios.show.results import JsonResults, JUnitResults


def build_config(args, environ, scenarios=()):
    """The run's Config: the command line over the environment over the defaults."""
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
        hold_seconds=args.hold,
    )
    if not config.headless and not config.remote_url and not config.display:
        raise UsageError("--headed needs a display: set DISPLAY, or run under xvfb-run")
    catalog.refusal(config, scenarios)
    return dataclasses.replace(config, report_dir=report_dir(args.report))


def report_dir(path):
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


def results_files(args, command):
    """The files for CI the command line asked for, each checked writable before the run."""
    kinds = ((JUnitResults, args.junit_xml), (JsonResults, args.json))
    return [kind(path, command) for kind, path in kinds if path]
