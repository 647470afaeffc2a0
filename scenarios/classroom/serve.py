"""`cookie-lab classroom`: the class server on a real port, its record in one SQLite file,
its code and token kept there too, so that a restart (same --db) is the same class: the
learners' join commands, keys and verdicts all still hold."""

import secrets
import socket
import threading

from scenarios.classroom.server import Classroom, create_app
from scenarios.classroom.store import Store
from scenarios.core.config import is_loopback
from scenarios.core.errors import UsageError
from scenarios.lab.server import LabServer, url_host
from scenarios.tracks.automation import fingerprint

# No 0/O, 1/I/L: a code read off a projector is typed right the first time.
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
WARNING = (
    "warning: the classroom listens on every network interface, over plain HTTP: anyone on "
    "this network with the class code can join; the board still needs your token"
)


def random_code():
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(6))


def open_classroom(db, code=None, token=None):
    """The Classroom recorded in ``db`` (made when new), with ``code`` and ``token`` when
    given, else the ones recorded, else new random ones."""
    try:
        store = Store(db)
    except Exception as exc:  # noqa: BLE001 - sqlite3 and OSError both: one line, exit 2
        raise UsageError(f"--db {db}: cannot open it as the classroom's record: {exc}") from None
    for option, value in (("--code", code), ("--instructor-token", token)):
        if value is not None and not (
            6 <= len(value) <= 128 and value.isprintable() and " " not in value
        ):
            raise UsageError(f"{option}: 6 to 128 printable characters, no spaces")
    code = store.setting("code", code, default=random_code)
    token = store.setting("token", token, default=lambda: secrets.token_urlsafe(24))
    return Classroom(store, code, token, fingerprint.seal().fingerprint)


def serve(classroom, host, port, out):
    """Serve until Ctrl-C. Port 0 takes the port this record last used when it is free (the
    learners' checkouts know the class by its URL), else any free one."""
    if not is_loopback(host):
        out.write(WARNING + "\n")
    last = int(classroom.store.setting("port", default=lambda: 0))
    server = None
    for attempt in ([last] if port == 0 and last else []) + [port]:
        try:
            server = LabServer(create_app(classroom), attempt, advertise=host)
            break
        except UsageError:
            if attempt == port:
                raise
    shown = server.url
    if host in ("0.0.0.0", "::"):  # no one can reach "0.0.0.0": name this machine instead
        shown = server.url.replace(url_host(host), socket.gethostname(), 1)
    classroom.url = shown
    classroom.store.setting("port", shown.rsplit(":", 1)[1])
    out.write(
        f"The classroom is open at {shown} (its record: {classroom.store.path}).\n"
        f"Learners join with:\n  {classroom.join_command}\n"
        f"Your board (this link signs you in once; keep it to yourself):\n"
        f"  {shown}/login#token={classroom.token}\n"
        f"Ctrl-C closes the classroom; everything stays in {classroom.store.path}.\n"
    )
    out.flush()
    try:
        with server:  # shut down (no request still running) before the record is closed
            threading.Event().wait()  # the server's thread serves; Ctrl-C ends this wait
    finally:
        classroom.store.close()
