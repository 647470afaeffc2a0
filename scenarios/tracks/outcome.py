"""The outcome of one exercise, either track's: what the narration, the scoreboard and the
results files (JUnit, JSON) are told."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Outcome:
    exercise: object  # content.exercises.catalog.Exercise
    file: Path  # the learner's file: their app (Flask track) or their test (automation track)
    solved: bool = False
    # The Flask track's check, step by step.
    steps: list = field(default_factory=list)
    # The automation track's grading, in sentences (tracks.automation.verdict.Verdict),
    # and its runs (tracks.automation.run.Run), which the classroom counts as steps.
    verdict: object = None
    runs: list = field(default_factory=list)
    # How long the check took, start to verdict (the classroom shows it).
    seconds: float = 0.0
