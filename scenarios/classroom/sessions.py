"""The board's sign-in sessions, kept in the class's record so that a restart of the
classroom does not sign the instructor out: only a hash of each session's id is stored, and
each ends after a workshop day."""

import secrets
import time

from scenarios.classroom.store import hashed

SECONDS = 12 * 3600  # a workshop day


class Sessions:
    def __init__(self, store):
        self._store = store

    def open(self):
        """A new session's id, for the cookie."""
        session = secrets.token_urlsafe(32)
        self._store.db().execute(
            "INSERT INTO sessions VALUES (?, ?)", (hashed(session), time.time() + SECONDS)
        )
        return session

    def valid(self, session):
        row = (
            self._store.db()
            .execute("SELECT expires FROM sessions WHERE id_hash = ?", (hashed(session),))
            .fetchone()
        )
        return row is not None and row[0] > time.time()

    def close(self, session):
        self._store.db().execute("DELETE FROM sessions WHERE id_hash = ?", (hashed(session),))
