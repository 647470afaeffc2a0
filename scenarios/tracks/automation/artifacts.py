"""``--screenshot`` and ``--output``, as a pytest-playwright user knows them: for a failing
test (``only-on-failure``) or every test (``on``), a folder of its own under the output folder
with what the browser showed when the test ended: a screenshot, the page's HTML and the
cookie jar. The test's report says where, in a section of its own."""

import json
import os
import re
import shutil
from dataclasses import asdict
from hashlib import sha1
from pathlib import Path

from lab_app.tutorial import COOKIE_PATHS

MODES = ("off", "on", "only-on-failure")
SECTION = "cookie-lab artifacts"
# In each folder this saves: a later run may remove the folder, and no other.
_MARK = ".cookie-lab-artifacts"


def folder_name(nodeid):
    """A folder name for the test ``nodeid`` ("test_x.py::test_y[1]": "test_x-py-test_y-1"),
    short enough for any file system and distinct for distinct tests."""
    name = re.sub(r"[^\w.-]+", "-", nodeid.replace(".py::", "-py-")).strip("-.")
    if len(name) > 100:
        name = name[:90] + "-" + sha1(nodeid.encode()).hexdigest()[:8]
    return name or "test"  # never "": the output folder itself


class Artifacts:
    """Where and when a test's browser state is saved (``mode``: one of MODES)."""

    def __init__(self, mode, output, root):
        self.mode = mode
        self.output = Path(output)
        self._root = Path(root)  # the folder the run started in: paths are told from it

    def keep(self, report, browser, lab_url):
        """Save what ``browser`` shows at the end of the test ``report`` is of, if this mode
        wants it, and say where in the report's own section."""
        if self.mode == "on" or (self.mode == "only-on-failure" and report.failed):
            report.sections.append((SECTION, self.save(report.nodeid, browser, lab_url)))

    def clear(self):
        """Remove the folders an earlier run saved here, so that every folder is this run's:
        only those (a --output given as "." must not lose the project)."""
        if self.mode == "off" or not self.output.is_dir():
            return
        for folder in self.output.iterdir():
            if (folder / _MARK).is_file():
                shutil.rmtree(folder, ignore_errors=True)

    def save(self, nodeid, browser, lab_url):
        """Save what ``browser`` shows now for the test ``nodeid``; the sentence that says
        where, for its report."""
        folder = self.output / folder_name(nodeid)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (folder / _MARK).touch()
        shown = os.path.relpath(folder, self._root) if folder.is_relative_to(self._root) else folder
        driver = browser.driver
        try:
            driver.save_screenshot(str(folder / "screenshot.png"))
            (folder / "page.html").write_text(driver.page_source, encoding="utf-8")
            cookies = [asdict(c) for c in browser.jar_for(lab_url, COOKIE_PATHS).all()]
        except Exception as exc:  # noqa: BLE001 - the test's own failure says more
            said = str(getattr(exc, "msg", None) or exc).strip().splitlines()
            return f"{shown}/: the browser could not be read ({said[0] if said else exc!r})"
        (folder / "cookies.json").write_text(json.dumps(cookies, indent=2) + "\n")
        return f"{shown}/: screenshot.png, page.html, cookies.json (the cookie jar)"
