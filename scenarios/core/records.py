"""The records a run keeps: each step as it went, and each scenario's result."""

from dataclasses import dataclass, field


@dataclass
class Step:
    narration: str
    passed: bool | None = None
    message: str = ""
    seconds: float = 0.0
    evidence: dict = field(default_factory=dict)
    # What a wait on time counts down to ("expiring_cookie_name"), for the narration.
    waiting_for: str = ""
    # The step's one declaration of what it is about, from which the narration's subject,
    # the page's box and the jar panel's highlighted rows all come: the cookies it names,
    # and the page element that shows its point (a CSS selector; "" for wherever its checks
    # look, within those cookies).
    about: tuple = ()
    shows: str = ""
    # What the step found, in its own words: both figures of a comparison, say.
    note: str = ""


@dataclass
class Result:
    scenario: object
    steps: list = field(default_factory=list)
    passed: bool = False
    seconds: float = 0.0
    # Why it did not run here (a lesson that needs loopback, on a Grid); None when it ran.
    skipped: str | None = None
    # The run was stopped during this scenario (the instructor's q): its steps so far stand.
    stopped: bool = False
    # Stopped by an interrupt before it could finish: its failure, if any, is the stop's.
    interrupted: bool = False
