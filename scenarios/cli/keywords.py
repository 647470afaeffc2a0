"""`-k EXPR`, as pytest spells it: choose scenarios or exercises by a piece of their name.

``-k path`` keeps every name containing "path" (any case); words join with ``and``, ``or``,
``not`` and parentheses: ``-k "path and not boundary"``.
"""

import re
import warnings

from scenarios.core.errors import UsageError

_TOKEN = re.compile(r"\s*(\(|\)|[^\s()]+)")
_OPERATORS = {"and", "or", "not", "(", ")"}
# Longer says nothing a name could match, and a deep enough one exhausts the compiler.
MOST = 500


def matcher(expression):
    """A function telling whether a name matches ``expression``; a malformed one is a
    usage error, found before anything runs."""
    if len(expression) > MOST:
        raise UsageError(f"-k takes at most {MOST} characters, got {len(expression)}")
    tokens = _TOKEN.findall(expression)
    if not tokens:
        raise UsageError("-k takes a word to look for in the names, e.g. -k path")

    def matches(name):
        name = name.lower()
        words = (t if t in _OPERATORS else str(t.lower() in name) for t in tokens)
        # Only True, False, and, or, not and parentheses reach eval: nothing else can run.
        return eval(" ".join(words), {"__builtins__": {}})

    try:
        # Compiling "True(False)" warns on stderr ("'bool' object is not callable"): the
        # error below says it once.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            matches("")
    except (SyntaxError, TypeError, NameError):  # "a(b)" calls a bool; nothing else can run
        raise UsageError(f"-k {expression!r} is not a valid expression") from None
    except (MemoryError, RecursionError):  # 500 characters of "not not ..." nest too deep
        raise UsageError(f"-k {expression[:40]!r}... nests too deeply") from None
    return matches


def choose(expression, items, name, what):
    """The ``items`` whose ``name(item)`` matches ``expression``; at least one."""
    matches = matcher(expression)
    chosen = [item for item in items if matches(name(item))]
    if not chosen:
        raise UsageError(f"-k {expression!r} matches no {what}")
    return chosen
