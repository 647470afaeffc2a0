"""The command line: `cookie-lab list`, `cookie-lab run [NAME ...]`, `cookie-lab check [N ...]`.

Exit 0 when every check held, 1 when one failed, 2 for a usage or environment problem,
always with one clear line and never a traceback. Stopped halfway, the browsers are closed
first: exit 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP (128 + the signal's number).
"""

import os
import sys

from scenarios.cli.commands import COMMANDS
from scenarios.cli.parser import build_parser
from scenarios.cli.streams import closed_streams
from scenarios.core.errors import Cancelled, UsageError
from scenarios.core.processes import exit_status, stopped_like_ctrl_c


def main(argv=None, environ=None, out=None):
    closed = closed_streams()
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
            return _dispatch(argv, environ, out)
    except UsageError as exc:
        print(f"cookie-lab: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version, which argparse ends itself
        return exc.code or 0
    except (KeyboardInterrupt, Cancelled) as exc:
        # A Grid still starting a browser when the interrupt came is said (browser/pending.py).
        closed = "; ".join(getattr(exc, "__notes__", ())) or "the browser was closed"
        print(f"cookie-lab: interrupted; {closed}", file=sys.stderr)
        return exit_status(exc)
    except BrokenPipeError:
        # The reader went away (`cookie-lab list | head`): stop quietly, as other tools do,
        # and keep the interpreter's final flush from failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _dispatch(argv, environ, out):
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # a bare `cookie-lab`: what it can do, as a usage error
        parser.print_help(sys.stderr)
        return 2
    return COMMANDS[args.command](args, environ, out)
