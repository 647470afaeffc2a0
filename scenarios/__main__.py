import sys

from scenarios.cli import run

sys.exit(run())
