"""cli: the command line, `cookie-lab list | run | check`: main (one line and an exit status
for every outcome), parser and arguments (the grammar), settings (Config, report folder, CI
files), streams (closed standard streams), commands (what each command does), keywords (-k)."""

import sys


def run():
    """The console script's entry: a Ctrl-C while the lab's modules load (half a second of
    Selenium and Flask) is exit 130 and one line, not Python's traceback; so is an exercise
    manifest an edit broke (the catalog reads them all as it loads), with exit 2."""
    from scenarios.core.errors import UsageError

    try:
        from scenarios.cli.main import main
    except KeyboardInterrupt:
        print("cookie-lab: interrupted", file=sys.stderr)
        return 130
    except UsageError as exc:
        print(f"cookie-lab: error: {exc}", file=sys.stderr)
        return 2
    return main()
