"""`cookie-lab handout DIR`: the learners' copy of the project, as the checkout's git HEAD has
it (never the instructor's rehearsal in the working copy), without the answers: solutions/
and tests/ (whose learner_tests/ are the automation track's reference tests). It is a git
repository of one commit, so `cookie-lab reset N` has the starters to put back."""

import io
import subprocess
import tarfile
from pathlib import Path

from scenarios.core.errors import UsageError
from scenarios.tracks.automation.fingerprint import ROOT

LEFT_OUT = ("solutions", "tests")
AUTHOR = ["-c", "user.name=cookie-lab handout", "-c", "user.email=handout@cookie-lab.invalid"]


def archive(folder, *paths):
    """``folder`` (or ``paths`` in it) as the last commit of its git checkout has it, as an open
    tarfile, named from ``folder`` (git archive, run in a folder, names from there)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "archive", "HEAD", *paths],
            capture_output=True, timeout=60,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError(f"git archive in {folder} did not run: {exc}") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise UsageError(
            f"{folder} is not a git checkout with a commit ({said[-1] if said else 'git failed'}):"
            " the starters are what its last commit holds"
        )
    return tarfile.open(fileobj=io.BytesIO(done.stdout))


def _kept(member):
    return member.name.split("/", 1)[0] not in LEFT_OUT and not member.name.startswith("/")


def handout(dest, root=ROOT):
    """Write the learners' copy of the checkout ``root`` to ``dest`` (new, or an empty folder).
    Returns how many files it holds."""
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise UsageError(f"handout {dest}: already there and not an empty folder")
    with archive(root) as tar:
        members = [m for m in tar.getmembers() if _kept(m)]
        try:
            dest.mkdir(parents=True, exist_ok=True)
            # The "data" filter refuses links out of dest; Pythons before 3.11.4 lack it.
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(dest, members=members, **safe)
        except OSError as exc:
            raise UsageError(f"handout {dest}: {exc.strerror or exc}") from None
    for command in (["init", "-q"], ["add", "-A"], [*AUTHOR, "commit", "-q", "-m", "The handout"]):
        done = subprocess.run(["git", "-C", str(dest), *command], capture_output=True, timeout=60)
        if done.returncode != 0:
            raise UsageError(f"handout {dest}: git {command[-1]} failed: {done.stderr.decode()}")
    return sum(1 for m in members if m.isfile())
