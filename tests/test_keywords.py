"""`-k EXPR` picks names as pytest's -k does, and a malformed expression is one usage error."""

import pytest

from scenarios.cli.keywords import choose, matcher
from scenarios.core.errors import UsageError

NAMES = ["path", "path_boundary", "expiry", "capped_expiry", "samesite"]


@pytest.mark.parametrize(
    ("expression", "chosen"),
    [
        ("path", ["path", "path_boundary"]),
        ("PATH", ["path", "path_boundary"]),  # any case
        ("path and not boundary", ["path"]),
        ("expiry or samesite", ["expiry", "capped_expiry", "samesite"]),
        ("not (path or expiry)", ["samesite"]),
        ("(capped)and(expiry)", ["capped_expiry"]),  # parentheses need no spaces
    ],
)
def test_words_and_operators_choose_as_pytest_does(expression, chosen):
    assert choose(expression, NAMES, str, "scenario") == chosen


@pytest.mark.parametrize("expression", ["path and", "(path", "a(b)", "not", "path path"])
def test_a_malformed_expression_is_a_usage_error(expression):
    with pytest.raises(UsageError, match="is not a valid expression"):
        matcher(expression)


def test_an_empty_expression_asks_for_a_word():
    with pytest.raises(UsageError, match="takes a word"):
        matcher("   ")


def test_no_match_says_what_was_looked_for():
    with pytest.raises(UsageError, match=r"-k 'nothing' matches no scenario"):
        choose("nothing", NAMES, str, "scenario")


def test_only_words_reach_the_evaluation():
    # A name from Python's own namespace is a word to look for, never something to call.
    assert matcher("__import__")("x__import__y") is True
    assert matcher("__import__")("path") is False


def test_a_huge_or_deep_expression_is_one_usage_error():
    with pytest.raises(UsageError, match="-k takes at most 500 characters, got 400000"):
        matcher("not " * 100_000)
    deep = "not " * 124 + "path"  # within the bound
    assert matcher(deep)("path") is True
