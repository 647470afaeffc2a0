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
    # The automation track's grading, in sentences (tracks.automation.verdict.Verdict).
    verdict: object = None
