"""`cookie-lab watch [N]`: the learner saves, and the verdict is already there.

It starts on exercise N, or on the first not yet solved (a solved one is said so and passed);
every save in that exercise's folder checks it again, cancelling a check still running;
solved, it says so and moves on to the next. Keys: h the next hint, n the next exercise,
r check again, q quit. Each track is kept warm (watch_checks.py): one browser, and only the
learner's app process (Flask track) or a re-import of their test (automation track) anew.
"""

import queue
import time

from scenarios.content.exercises import catalog
from scenarios.core.errors import UsageError
from scenarios.core.observers import notify
from scenarios.tracks.narration import shown
from scenarios.tracks.scoreboard import verdict as said
from scenarios.tracks.watch_checks import Checks
from scenarios.tracks.watch_input import Keys, Saves
from scenarios.tracks.watch_screen import Screen, View


class Watcher:
    """The watch loop: events from the saves, the keys and the checks, one at a time."""

    def __init__(self, config, tree, exercises, start, out, listeners=()):
        self.config, self.tree, self.exercises = config, tree, exercises
        # Observers of each verdict, as a check's: the classroom's reporter when joined.
        self.listeners = listeners
        self.index = start
        self.events = queue.Queue()
        self.screen = Screen(out, config.colour, total=len(exercises))
        self.generation = 0
        self.view = None

    def post(self, *event):
        self.events.put(event)

    def run(self, keys_from):
        """Watch until q (exit 0); Ctrl-C raises KeyboardInterrupt, once all is closed."""
        checks = Checks(self.config, self.post)
        saves = Saves(self.tree, self.post)
        keys = Keys(keys_from, self.post)
        try:
            self._open(checks, banner="")
            while (event := self._next())[0] != "quit":
                self._handle(checks, *event)
            return 0
        finally:
            keys.stop()
            saves.stop()
            checks.stop()

    def _next(self):
        # A bounded wait, again and again: Ctrl-C reaches this thread between two.
        while True:
            try:
                return self.events.get(timeout=0.2)
            except queue.Empty:
                continue

    @property
    def exercise(self):
        return self.exercises[self.index]

    def _folder(self):
        return self.tree / self.exercise.folder

    def _open(self, checks, banner):
        """Show the current exercise, its hints folded, and check it."""
        self.view = View(self.exercise, shown(self._folder()), banner=banner)
        self.view.hints = self.exercise.hints(self.tree) if self._folder().is_dir() else []
        self._check(checks)

    def _check(self, checks):
        self.generation += 1
        self.view.verdict = "checking"
        self.screen.draw(self.view)
        learner_file = self._folder() / self.exercise.file_name
        checks.check(self.generation, self.exercise, learner_file)

    def _handle(self, checks, kind, *args):
        if kind == "failed":
            raise args[0]  # the environment (a browser that did not start): one line, exit 2
        if kind == "saved" and any(self._folder() in p.parents for p in args[0]):
            self.view.banner = ""
            self._check(checks)
        elif kind == "checked" and args[0] == self.generation:
            self._checked(checks, *args[1:])
        elif kind == "key":
            self._key(checks, args[0])

    def _checked(self, checks, outcome, narration, seconds):
        try:
            self._show(checks, outcome, narration, seconds)
        finally:  # after the screen: a class that is slow to answer must not hold the verdict
            notify(self.listeners, "exercise_finished", outcome)
            notify(self.listeners, "run_finished", [outcome])

    def _show(self, checks, outcome, narration, seconds):
        if outcome.solved and self.index + 1 < len(self.exercises):
            self.index += 1
            done = outcome.exercise
            banner = f"Exercise {done.number} is solved: on to exercise {self.exercise.number}."
            self._open(checks, banner)
            return
        self.view.narration = narration
        self.view.verdict = said(outcome)
        self.view.detail = f"in {seconds:.2f} s at {time.strftime('%H:%M:%S')}"
        if outcome.solved:
            self.view.banner = "Every exercise up to the last is solved. Well done!"
        self.screen.draw(self.view)

    def _key(self, checks, key):
        if key == "q":
            self.post("quit")
        elif key == "h" and self.view.hints_shown < len(self.view.hints):
            self.view.hints_shown += 1
            self.screen.draw(self.view)
        elif key == "n" and self.index + 1 < len(self.exercises):
            self.index += 1
            self._open(checks, banner="")
        elif key == "n":
            self.view.banner = f"Exercise {self.exercise.number} is the last one."
            self.screen.draw(self.view)
        elif key == "r":
            self._check(checks)


def watch(config, tree, number, out, keys_from, listeners=()):
    """Watch ``tree`` (an exercises folder) from exercise ``number`` (None: the first not yet
    solved, found by checking from the first on); return the exit status."""
    if config.remote_url:
        raise UsageError("watch needs a local Chromium; unset COOKIE_LAB_REMOTE_URL")
    # EXERCISES is in a run's order (each track's, the Flask track's first), not by number.
    start = 0 if number is None else catalog.EXERCISES.index(catalog.select([number])[0])
    return Watcher(config, tree, catalog.EXERCISES, start, out, listeners).run(keys_from)
