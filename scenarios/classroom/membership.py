"""Joining a class and leaving it, on the learner's side: the class's address, the learner's
name and the key the classroom gave them, kept in their checkout's .cookie-lab/ (which git
ignores, and which only its owner can read: the key lets whoever holds it post as them)."""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from scenarios.classroom import transport, wire
from scenarios.core import atomic
from scenarios.core.errors import UsageError

FOLDER = ".cookie-lab"
JOIN_SECONDS = 5.0  # a learner waits at the terminal for joining; not for a check


@dataclass(frozen=True)
class Membership:
    url: str
    name: str
    key: str

    @staticmethod
    def file(checkout):
        return Path(checkout) / FOLDER / "classroom.json"

    @classmethod
    def load(cls, checkout):
        """The class this checkout joined, or None."""
        try:
            fields = json.loads(cls.file(checkout).read_text())
            return cls(str(fields["url"]), str(fields["name"]), str(fields["key"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UsageError(
                f"{cls.file(checkout)} is unreadable ({exc}): run `cookie-lab leave`, then join "
                "again"
            ) from None

    def save(self, checkout):
        path = self.file(checkout)
        path.parent.mkdir(mode=0o700, exist_ok=True)  # only its owner may read the key
        atomic.write(path, json.dumps(asdict(self), indent=2) + "\n", "the class you joined")


def join(url, code, name, checkout):
    """Join the class at ``url``; the Membership, saved in ``checkout``. Anything wrong is a
    UsageError in one line that says what to do."""
    try:
        url = transport.check_url(url)
        name = wire.clean_name(name)
    except (ValueError, wire.BadInput) as exc:
        raise UsageError(f"join: {exc}") from None
    try:
        body = {"code": code, "name": name}
        status, answer = transport.post(f"{url}/api/join", body, JOIN_SECONDS)
    except transport.Unreachable as exc:
        raise UsageError(f"no classroom answers at {url} ({exc}): check the address") from None
    if status in (401, 403):
        raise UsageError(f"the classroom at {url} refused the class code {code!r}: check it")
    if status == 409:
        raise UsageError(f"the name {name!r} is taken in this class: choose another --name")
    if status != 200 or not isinstance(answer.get("key"), str):
        said = answer.get("error") or f"HTTP {status}"
        raise UsageError(f"the classroom at {url} did not let you join: {said}")
    membership = Membership(url, answer.get("name", name), answer["key"])
    membership.save(checkout)
    return membership


def leave(checkout):
    """Forget the class: the membership and the verdicts still waiting. The Membership that
    was, or None."""
    membership = Membership.load(checkout)
    folder = Path(checkout) / FOLDER
    for name in ("classroom.json", "outbox.json"):
        (folder / name).unlink(missing_ok=True)
    return membership
