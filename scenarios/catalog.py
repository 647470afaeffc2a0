"""Every scenario, in the order a learner meets them."""

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from scenarios.beyond import (
    capped_expiry,
    cookie_values,
    expires_date,
    httponly,
    path_boundary,
    samesite,
    secure_loopback,
    size,
)
from scenarios.config import UsageError
from scenarios.tutorial import (
    deletion,
    expiry,
    long_lasting,
    path,
    second_request,
    session_restart,
    update,
)


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    doc: str
    run: Callable
    # Its length is set by the clock: headless, it runs in a browser of its own beside the
    # others, started first, so that its wait overlaps their work.
    waits_for_time: bool = False

    @classmethod
    def from_module(cls, module):
        doc = inspect.cleandoc(module.__doc__)
        return cls(
            name=module.NAME,
            summary=doc.splitlines()[0],
            doc=doc,
            run=module.run,
            waits_for_time=getattr(module, "WAITS_FOR_TIME", False),
        )


SCENARIOS = tuple(
    Scenario.from_module(module)
    for module in (
        second_request,
        update,
        session_restart,
        expiry,
        long_lasting,
        path,
        deletion,
        # Beyond the tutorial, after its own scenarios.
        httponly,
        size,
        capped_expiry,
        expires_date,
        samesite,
        path_boundary,
        cookie_values,
        secure_loopback,
    )
)


def select(names):
    """The named scenarios in the order given; all of them when ``names`` is empty."""
    by_name = {scenario.name: scenario for scenario in SCENARIOS}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise UsageError(f"unknown scenario {unknown[0]!r}; choose from: {', '.join(by_name)}")
    return [by_name[name] for name in dict.fromkeys(names)] if names else list(SCENARIOS)
