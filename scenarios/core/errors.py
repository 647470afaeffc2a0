"""The ways a run stops short, each told to the user in its own way: bad input, a failed
check, an interrupt (and the instructor's stop, an interrupt whose results stand)."""


class UsageError(Exception):
    """Bad input or a missing piece of the environment: one line for the user, exit 2."""


class CheckFailed(AssertionError):
    """A check did not hold; the message is written for the learner."""


class Cancelled(Exception):
    """The run was interrupted while this scenario waited."""


class StoppedByInstructor(Cancelled):
    """The instructor ended the run (q in the terminal, Escape in the browser): the results
    so far stand, and the summary is printed."""
