"""Files a run writes for later (the report, the results for CI), written whole or not at all.

A reader, a CI step or a learner's browser, never finds half a file: the text goes to a
temporary file beside the target, which then replaces it in one step (os.replace).

Only a regular file (or a name not taken yet) is replaced that way. ``-`` is standard output;
a device, a pipe or a socket (``/dev/null``, ``/dev/stdout``, a FIFO a CI step reads) is
written in place: replacing one would turn ``/dev/null`` into a file, as root. A link is
followed, so the file it names is replaced and the link stays.
"""

import os
import stat
import sys
import tempfile
from pathlib import Path

from scenarios.core.errors import UsageError

STDOUT = "-"


def _in_place(path):
    """Whether ``path`` is something other than a regular file, to be written, not replaced."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):  # not there yet: made by replacing
        return False


def writable(path, option):
    """``path`` as a Path (or STDOUT) once it is known to be writable: checked before the
    run, so that a results file that cannot be written is one line at the start, not a lost
    run."""
    if str(path) == STDOUT:
        return STDOUT
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{option} {path}: is a directory, not a file")
    try:
        if _in_place(path):
            # Opened as write() will open it; "a" leaves what it holds alone until then.
            with open(path, "a", encoding="utf-8"):
                pass
            return path
        path = path.resolve() if path.is_symlink() else path
        path.parent.mkdir(parents=True, exist_ok=True)
        # What write() will do: a temporary file in the same folder.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}."):
            pass
    except FileExistsError:  # a file where a folder should be
        raise UsageError(f"{option} {path}: a file is in the way of its folder") from None
    except OSError as exc:
        raise UsageError(f"{option} {path}: {exc.strerror}") from None
    return path


def write(path, text, what):
    """Write ``text`` to ``path`` atomically; a failure is one line naming ``what``."""
    if str(path) == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(path)
    temporary = None
    try:
        if _in_place(path):
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
            return
        path = path.resolve() if path.is_symlink() else path
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from a CI's other users
        os.replace(temporary, path)
    except OSError as exc:  # a full disk, say: the summary has already told the results
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise UsageError(f"cannot write {what} {path}: {exc.strerror}") from None
