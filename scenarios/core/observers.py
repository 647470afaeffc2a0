"""What a run tells the people and files that follow it, as named events.

Observers observe: the narrator, the overlay, the evidence for the report, the report and the
results files each subscribe by overriding a method here. They never change what a check
reads. An event that is not a method of ``Observer`` is a typo, and fails at once.
"""


class Observer:
    """Every event a run sends, as a method that does nothing."""

    def run_started(self, items):
        pass

    def scenario_started(self, scenario):
        pass

    def step_started(self, step):
        pass

    def looking_at(self, step, selectors):
        """The step points at these page elements (CSS selectors, the first match wins)."""

    def step_finished(self, step):
        pass

    def waiting(self, step, seconds_left):
        """A step waits on time; ``seconds_left`` of its bound remain."""

    def idle(self, step, instructor):
        """Between two steps, nothing runs but the clock: slow-mo's pause, or (``instructor``)
        the wait for the instructor's word. Sent again every fraction of a second."""

    def scenario_finished(self, result):
        pass

    def run_finished(self, results):
        pass

    def exercise_started(self, exercise):
        pass

    def exercise_finished(self, outcome):
        pass


def notify(observers, event, *args):
    """Send ``event`` to each observer; an unknown event raises AttributeError."""
    if not callable(getattr(Observer, event, None)):
        raise AttributeError(f"no such event: {event!r}")
    for observer in observers:
        getattr(observer, event)(*args)


class Forward:
    """Hands every event on to ``emit(event, *args)``: to deliver them later, or in order."""

    def __init__(self, emit):
        self._emit = emit

    def __getattr__(self, event):
        return lambda *args: self._emit(event, *args)
