"""The class's progress as CSV, a row per learner and exercise started, for a spreadsheet."""

import csv
import io

HEADER = (
    "name", "exercise", "state", "attempts", "first_try", "last_try", "solved_at", "minutes",
    "last_failure", "steps_passed", "steps_total", "checker_changed",
)  # fmt: skip


def _cell(value):
    # A learner's name or sentence starting with = + - @ would be a formula in a spreadsheet
    # (CSV injection): a leading apostrophe keeps it text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(model):
    """``model`` (progress.progress's) as CSV text."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    for learner in model["learners"]:
        for number, c in learner["exercises"].items():
            state = "solved" if c["solved"] else "attempted"
            row = (
                learner["name"], number, state, c["attempts"], c["first_try"], c["last_try"],
                c["solved_at"],
                c["minutes"], c["last_failure"], c["passed"], c["total"], c["checker_changed"],
            )  # fmt: skip
            writer.writerow([_cell(v) for v in row])
    return text.getvalue()
