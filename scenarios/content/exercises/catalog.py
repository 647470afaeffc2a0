"""Every exercise, easy to hard. Exercise N lives in exercises/NN_<its check's module name>/."""

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from scenarios.content.exercises import (
    delete_path_cookie,
    expiring_cookie,
    greet_by_name,
    httponly_cookie,
    path_cookie,
    remember_theme,
    set_a_cookie,
    visit_counter,
)
from scenarios.core.config import UsageError


@dataclass(frozen=True)
class Exercise:
    number: int
    folder: str
    title: str
    check: Callable

    @classmethod
    def from_module(cls, number, module):
        slug = module.__name__.rpartition(".")[2]
        title = inspect.cleandoc(module.__doc__).splitlines()[0].rstrip(".")
        return cls(number, f"{number:02d}_{slug}", title, module.check)


EXERCISES = tuple(
    Exercise.from_module(number, module)
    for number, module in enumerate(
        (
            set_a_cookie,
            greet_by_name,
            visit_counter,
            expiring_cookie,
            path_cookie,
            delete_path_cookie,
            remember_theme,
            httponly_cookie,
        ),
        start=1,
    )
)


def select(numbers):
    """Exercises by number, in the order given; all of them, in order, when none is named."""
    if not numbers:
        return list(EXERCISES)
    chosen = []
    for text in dict.fromkeys(numbers):
        if not text.isdigit() or not 1 <= int(text) <= len(EXERCISES):
            raise UsageError(
                f"unknown exercise {text!r}; choose a number from 1 to {len(EXERCISES)}"
            )
        chosen.append(EXERCISES[int(text) - 1])
    return chosen
