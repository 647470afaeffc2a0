"""The watcher's checks, run one at a time in a thread of their own, each track kept warm
(flask_track/warm.py, automation/warm_grader.py): a new request replaces one not yet begun,
and cancels the one in flight, so no stale check is ever waited for."""

import io
import threading
import time

from scenarios.content.exercises.catalog import FLASK
from scenarios.tracks.automation.warm_grader import WarmGrader
from scenarios.tracks.flask_track.warm import WarmFlask
from scenarios.tracks.narration import ExerciseNarrator

SESSIONS = {FLASK: WarmFlask}  # the automation track's: WarmGrader
_STOP = object()


class Narration(ExerciseNarrator):
    """The check's narration as text for the screen: its header says the exercise already."""

    def exercise_started(self, exercise):
        pass

    def exercise_finished(self, outcome):
        self._write("\n")  # its own paragraph: not joined to a failed step's message
        super().exercise_finished(outcome)


class Checks:
    """check(generation, exercise, file): ``post("checked", generation, outcome, text,
    seconds)`` when it ends; ``post("failed", exc)`` when the environment failed (the browser
    did not start). The thread owns the sessions: a browser lives as long as its starter."""

    def __init__(self, config, post):
        self.config, self.post = config, post
        self._wanted = None
        self._session, self._track = None, None
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._serve, name="watch-checks", daemon=True)
        self._thread.start()

    def check(self, generation, exercise, file):
        self.cancel()  # first: cancelled after, the new check itself might be the one ended
        with self._ready:
            self._wanted = (generation, exercise, file)
            self._ready.notify()

    def cancel(self):
        session = self._session
        if session is not None:
            session.cancel()

    def stop(self, timeout=30.0):
        """Cancel what runs, close the session (its browser, its child) and end the thread."""
        with self._ready:
            self._wanted = _STOP
            self._ready.notify()
        self.cancel()
        self._thread.join(timeout)

    def _next(self):
        with self._ready:
            while self._wanted is None:
                self._ready.wait()
            wanted, self._wanted = self._wanted, None
            if wanted is not _STOP:
                return wanted
            self._wanted = _STOP  # stays: every later call ends too
            return None

    def _serve(self):
        try:
            while (wanted := self._next()) is not None:
                self._run(*wanted)
        except BaseException as exc:  # noqa: BLE001 - the main thread says it, in one line
            self.post("failed", exc)
        finally:
            self._close()

    def _run(self, generation, exercise, file):
        if exercise.track != self._track:
            self._close()  # one track's browser at a time: the machine may be small
            self._session = SESSIONS.get(exercise.track, WarmGrader)(self.config)
            self._track = exercise.track
        text = io.StringIO()
        narrator = Narration(text, colour=False)
        start = time.monotonic()
        outcome = self._session.check(exercise, file, narrator.event)
        self.post("checked", generation, outcome, text.getvalue(), time.monotonic() - start)
        # After the verdict is posted, not before: what the next check needs, made ready.
        self._session.prepare_next(exercise)

    def _close(self):
        session, self._session, self._track = self._session, None, None
        if session is not None:
            session.close()
