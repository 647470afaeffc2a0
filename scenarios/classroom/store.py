"""The class's record: one SQLite file in WAL mode (the board reads while learners post),
written in short transactions, so a restart of the classroom loses nothing it acknowledged."""

import hashlib
import os
import secrets
import sqlite3
import threading
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS learners (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key_hash TEXT NOT NULL UNIQUE,
    joined REAL NOT NULL);
CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY, learner INTEGER NOT NULL REFERENCES learners (id),
    key TEXT NOT NULL, exercise INTEGER NOT NULL, solved INTEGER NOT NULL,
    quiet INTEGER NOT NULL, passed INTEGER NOT NULL, total INTEGER NOT NULL, failure TEXT,
    seconds REAL NOT NULL, at TEXT NOT NULL, fingerprint TEXT NOT NULL,
    changed INTEGER NOT NULL, received REAL NOT NULL,
    UNIQUE (learner, key));
CREATE TABLE IF NOT EXISTS sessions (id_hash TEXT PRIMARY KEY, expires REAL NOT NULL);
"""
COLUMNS = (
    "key", "exercise", "solved", "quiet", "passed", "total", "failure", "seconds", "at",
    "fingerprint", "changed",
)  # fmt: skip


class NameTaken(Exception):
    pass


def hashed(secret):
    # Only hashes of learners' keys and board sessions are kept: a copied classroom.db lets
    # no one post as a learner or read the board. (A lookup by the hash of a long random
    # secret gives a timing attacker nothing to work with.)
    return hashlib.sha256(secret.encode()).hexdigest()


class Store:
    """The classroom's SQLite file, a connection per thread (sqlite3's rule)."""

    def __init__(self, path):
        self.path = Path(path)
        self._local, self._all, self._lock = threading.local(), [], threading.Lock()
        new = not self.path.exists()
        db = self.db()
        if new:
            os.chmod(self.path, 0o600)  # it holds the instructor's token
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA)

    def db(self):
        """This thread's connection to the record."""
        # check_same_thread off only so that close() may close them all from one thread.
        db = getattr(self._local, "db", None)
        if db is None:
            # Autocommit; each write says BEGIN IMMEDIATE, so writers queue rather than fail.
            db = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA busy_timeout = 10000")
            # In WAL mode a commit survives the process being killed (tested); only a power cut
            # may lose the last ones, which the learners' outboxes then send again.
            db.execute("PRAGMA synchronous = NORMAL")
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    def close(self):
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()

    def setting(self, name, value=None, default=None):
        """The setting ``name``: set to ``value`` when given, else kept, else ``default()``."""
        db = self.db()
        if value is None:
            row = db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
            if row is not None:
                return row[0]
            value = default()
        db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (name, str(value)))
        return str(value)

    def add_learner(self, name):
        """A new learner's key (shown to them once); NameTaken when the class has the name."""
        key = secrets.token_urlsafe(24)
        try:
            self.db().execute(
                "INSERT INTO learners (name, key_hash, joined) VALUES (?, ?, ?)",
                (name, hashed(key), time.time()),
            )
        except sqlite3.IntegrityError:
            raise NameTaken(name) from None
        return key

    def learner(self, key):
        """(id, name) of the learner whose key this is, or None."""
        row = (
            self.db()
            .execute("SELECT id, name FROM learners WHERE key_hash = ?", (hashed(key),))
            .fetchone()
        )
        return tuple(row) if row else None

    def add_verdicts(self, learner, verdicts):
        """Store ``verdicts`` (wire.parse_batch's) in one transaction: all or none. A key
        already stored is a verdict sent again: kept once. Returns how many were new."""
        db, now = self.db(), time.time()
        rows = [(learner, *(v[c] for c in COLUMNS), now) for v in verdicts]
        db.execute("BEGIN IMMEDIATE")
        try:
            before = db.total_changes
            db.executemany(
                f"INSERT OR IGNORE INTO verdicts (learner, {', '.join(COLUMNS)}, received) "
                f"VALUES ({', '.join('?' * (len(COLUMNS) + 2))})",
                rows,
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return db.total_changes - before

    def learners(self):
        return self.db().execute("SELECT id, name, joined FROM learners ORDER BY id").fetchall()

    def verdicts(self):
        """Every verdict, as received: (learner, exercise, solved, quiet, passed, total,
        failure, fingerprint, changed, received)."""
        return (
            self.db()
            .execute(
                "SELECT learner, exercise, solved, quiet, passed, total, failure, fingerprint, "
                "changed, received FROM verdicts ORDER BY id"
            )
            .fetchall()
        )
