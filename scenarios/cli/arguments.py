"""The argparse plumbing under the parser: a usage error as one line (never argparse's own
exit), option types that say which option they belong to, and the version."""

import argparse
import re
from importlib import metadata

from scenarios.core.config import parse_seconds
from scenarios.core.errors import UsageError


class Parser(argparse.ArgumentParser):
    def error(self, message):
        # argparse says "argument --slow-mo: ..."; the messages here name their option already.
        named = re.match(r"argument ([^:]+): (.*)", message, re.S)
        if named:
            option, said = named.groups()
            message = said if said.startswith(option) else f"{option}: {said}"
        raise UsageError(message)


def seconds(text):
    try:
        return parse_seconds(text, "--expiry-seconds")
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def number(kind, option):
    """An argparse type: ``text`` as a ``kind``; Config says whether it is in range."""

    def convert(text):
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{option} takes a number, got {text!r}") from None

    return convert


def version():
    try:
        return metadata.version("cookie-lab")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"
