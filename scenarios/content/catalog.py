"""Every scenario, in the order a learner meets them."""

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from scenarios.content.beyond import (
    capped_expiry,
    cookie_values,
    expires_date,
    httponly,
    path_boundary,
    samesite,
    secure_loopback,
    size,
)
from scenarios.content.cross_site import (
    csrf,
    domain,
    partitioned,
    prefixes,
    samesite_in_action,
    third_party,
)
from scenarios.content.step_count import plan_steps
from scenarios.content.tutorial import (
    deletion,
    expiry,
    long_lasting,
    path,
    second_request,
    session_restart,
    update,
)
from scenarios.core.config import is_loopback
from scenarios.core.errors import UsageError


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    doc: str
    run: Callable
    # Its length is set by the clock: headless, it runs in a browser of its own beside the
    # others, started first, so that its wait overlaps their work.
    waits_for_time: bool = False
    # Its lesson is about the loopback's own rules (its two names, its secure context): a
    # browser on another machine, through a Grid, reaches the lab by another name.
    needs_loopback: bool = False
    # Its lesson is the lab on two sites (lab.localhost, other.localhost): names only a
    # Chromium on this machine resolves to the lab, by itself.
    needs_sites: bool = False
    # A scenario's own rule for the run's settings: a reason to refuse them, or None.
    refuses: Callable = lambda config: None
    # What each of its steps will say, read off its source: "step 3 of 8", and the steps a
    # stopped run never reached; None when its source cannot say.
    plan: tuple | None = None

    @property
    def steps(self):
        """How many steps it has; None when its source cannot say."""
        return None if self.plan is None else len(self.plan)

    @classmethod
    def from_module(cls, module):
        doc = inspect.cleandoc(module.__doc__)
        return cls(
            name=module.NAME,
            summary=doc.splitlines()[0],
            doc=doc,
            run=module.run,
            waits_for_time=getattr(module, "WAITS_FOR_TIME", False),
            needs_loopback=getattr(module, "NEEDS_LOOPBACK", False),
            needs_sites=getattr(module, "NEEDS_SITES", False),
            refuses=getattr(module, "refuses", cls.refuses),
            plan=plan_steps(module.run),
        )

    def skip_reason(self, config):
        """Why this scenario cannot run with ``config``, or None."""
        if self.needs_loopback and not is_loopback(config.lab_host):
            return (
                f"its lesson needs the lab app on loopback, and this run's browser reaches it "
                f"at {config.lab_host}"
            )
        if self.needs_sites:
            return _why_no_sites(config)
        return None


def _why_no_sites(config):
    """Why this run's browser cannot reach the lab as lab.localhost and other.localhost."""
    if config.remote_url:
        return (
            "its lesson needs the lab as lab.localhost and other.localhost, names a remote "
            "browser resolves to its own machine, not to this one's lab"
        )
    if not is_loopback(config.lab_host):
        return (
            f"its lesson needs the lab as lab.localhost and other.localhost on loopback, and "
            f"this run's browser reaches it at {config.lab_host}"
        )
    if config.browser != "chromium":
        return "its lesson is what Chromium sends cross-site, as measured: run it with chromium"
    return None


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
        # Two sites on one lab server: what another site's requests carry.
        samesite_in_action,
        csrf,
        third_party,
        partitioned,
        prefixes,
        domain,
    )
)


def refusal(config, scenarios):
    """The first scenario's reason to refuse ``config``, as a usage error."""
    for scenario in scenarios:
        reason = scenario.refuses(config)
        if reason:
            raise UsageError(reason)


def select(names):
    """The named scenarios in the order given; all of them when ``names`` is empty."""
    by_name = {scenario.name: scenario for scenario in SCENARIOS}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise UsageError(f"unknown scenario {unknown[0]!r}; choose from: {', '.join(by_name)}")
    return [by_name[name] for name in dict.fromkeys(names)] if names else list(SCENARIOS)
