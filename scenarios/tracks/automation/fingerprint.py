"""A fingerprint of the checker's own files, and whether they differ from the release's.

A learner's test runs as the learner, so it may edit the checker (a verdict.py that says
"Solved" persists for every later check). The checker's files are scenarios/**/*.py and
everything in lab_app/ but bytecode. The release is the checkout's git HEAD: each file is
compared with its blob there (git's own hash, so no second record to keep in step), which
costs one `git ls-tree` and a hash of ~100 small files, a few milliseconds.

What this can and cannot say, honestly: edits on disk, new modules and missing ones are seen.
An edit committed to the checkout moves HEAD with it and is not, locally; the fingerprint
every verdict carries still differs from the release's, which the classroom compares.
Without git (or outside a checkout), only the fingerprint is given.
"""

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

# The checkout these modules were imported from: the checker that is running.
ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Seal:
    fingerprint: str
    # The checker's files that differ from HEAD's; None when there is no HEAD to compare.
    changed: tuple[str, ...] | None


def checker_files(root=ROOT):
    """The checker's files, as paths relative to ``root``, sorted."""
    found = [p for p in (root / "scenarios").rglob("*.py")]
    found += [p for p in (root / "lab_app").rglob("*") if p.is_file()]
    names = {p.relative_to(root).as_posix() for p in found if "__pycache__" not in p.parts}
    return sorted(names)


def seal(root=ROOT):
    """The Seal of the checker's files under ``root``, as they are now."""
    blobs = {name: _blob((root / name).read_bytes()) for name in checker_files(root)}
    digest = hashlib.sha256("".join(f"{n}\0{b}\n" for n, b in blobs.items()).encode())
    return Seal(digest.hexdigest()[:16], changed_files(root, blobs))


def changed_files(root, blobs):
    """Which of ``blobs`` ({name: git blob id}) differ from HEAD's, or were added or removed."""
    try:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-tree", "-r", "HEAD", "--", "scenarios", "lab_app"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    head = {}
    for line in listed.splitlines():
        meta, _, name = line.partition("\t")
        if name.startswith("lab_app/") or name.endswith(".py"):
            head[name] = meta.split()[2]
    if not head:
        return None  # not this checker's checkout
    return tuple(sorted(n for n in head.keys() | blobs.keys() if head.get(n) != blobs.get(n)))


def _blob(data):
    # git's object id for a file's content: the same as `git hash-object FILE`.
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()  # git's blob id
