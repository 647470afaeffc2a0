"""`cookie-lab reset N`: exercise N's starter files back as the checkout's last commit has
them (in a handout or a fresh clone, the starters). Work that would be lost is named first, and
asked about, and a copy of it kept in .cookie-lab/reset/; files the learner added stay."""

import shutil
import time
from pathlib import Path

from scenarios.classroom.handout import archive
from scenarios.classroom.membership import FOLDER


class Reset:
    """What resetting one exercise's folder would change, then the change itself."""

    def __init__(self, tree, exercise):
        self.folder = Path(tree) / exercise.folder
        with archive(self.folder, ".") as tar:
            self.starters = {
                m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()
            }
        self.differ = [name for name, data in self.starters.items() if self._now(name) != data]

    def _now(self, name):
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return None

    @property
    def work_lost(self):
        """The files whose changes a reset throws away (not the ones simply missing)."""
        return [name for name in self.differ if self._now(name) is not None]

    def apply(self, checkout):
        """Keep a copy of the work lost under ``checkout``/.cookie-lab/reset/; put the starters
        back. Returns the copy's folder, or None when nothing was lost."""
        kept = None
        if self.work_lost:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            kept = Path(checkout) / FOLDER / "reset" / f"{self.folder.name}-{stamp}"
            for name in self.work_lost:
                (kept / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(self.folder / name, kept / name)
        for name in self.differ:
            (self.folder / name).parent.mkdir(parents=True, exist_ok=True)
            (self.folder / name).write_bytes(self.starters[name])
        return kept
