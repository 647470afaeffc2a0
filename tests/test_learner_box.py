"""Learner code in its box (core/isolation.py): it can neither end, stop nor outlive the
checker, a fork is a verdict, and a browser the checker loses is not the learner's fault.

One grading child serves the hostile test files together; one checker process serves the
hostile app; one SIGKILLed `check 9` shows nothing outlives it (issue 26, items 2-7).
"""

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from helpers import TAG, Lines, processes_tagged, survivors, tagged_env

from scenarios.content.exercises.catalog import AUTOMATION_TRACK, FLASK_TRACK
from scenarios.core.config import Config
from scenarios.core.processes import settle
from scenarios.tracks.automation import fingerprint, grader, supervisor
from scenarios.tracks.automation.verdict import judge
from scenarios.tracks.flask_track.workshop import AGAIN

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
CONFIG = Config(headless=True)


def write(folder, name, body):
    path = folder / name
    path.write_text(textwrap.dedent(body))
    return path


# The suite's thread below does to the browser what a crash or a freeze would, once the test
# has made its mark; on the run done again the mark is there and the test just passes.
MARKED = """
    import os, pathlib
    from selenium.webdriver.support.wait import WebDriverWait

    def test_it(driver, lab_url):
        driver.get(lab_url + "/set-cookie")
        mark = pathlib.Path(os.environ["MARK_DIR"]) / "{name}"
        if not mark.exists():
            mark.write_text("")
            WebDriverWait(driver, 8).until(lambda d: (mark.parent / "{name}.done").exists())
            driver.title
        assert driver.get_cookie("cookie_name")
"""


def hurt_the_browser(marks, env, done):
    """When a test leaves its mark, send the browser its signal: SIGKILL as a crash, SIGSTOP
    as a freeze would."""
    pending = dict(marks)
    while pending and not done.wait(0.05):  # a poll interval, bounded by the grading
        for name, signum in list(pending.items()):
            mark = marks.folder / name
            if mark.exists():
                for pid, process in processes_tagged(env):
                    if process == "chromium":
                        os.kill(pid, signum)
                (marks.folder / f"{name}.done").write_text("")
                del pending[name]


class Marks(dict):
    pass


@pytest.mark.long
def test_hostile_tests_end_with_the_grading_and_a_lost_browser_is_done_again(tmp_path, monkeypatch):
    threads = write(tmp_path, "test_threads.py", """
        import threading

        def test_it(driver, lab_url):
            driver.get(lab_url + "/set-cookie")
            threading.Thread(target=threading.Event().wait).start()
            assert driver.get_cookie("cookie_name")
    """)  # fmt: skip
    forks = write(tmp_path, "test_forks.py", """
        import os, subprocess

        def test_it(driver, lab_url):
            subprocess.Popen(["sleep", "300"], start_new_session=True)
            if os.fork() == 0:
                os.setsid()
                subprocess.Popen(["sleep", "301"])
            driver.get(lab_url + "/set-cookie")
            assert driver.get_cookie("cookie_name")
    """)  # fmt: skip
    killed = write(tmp_path, "test_killed.py", MARKED.format(name="killed"))
    frozen = write(tmp_path, "test_frozen.py", MARKED.format(name="frozen"))
    env = tagged_env()
    monkeypatch.setenv(TAG, env[TAG])  # the child, its browser and the tests' sleeps carry it
    monkeypatch.setenv("MARK_DIR", str(tmp_path))
    monkeypatch.setattr(supervisor, "GRACE_SECONDS", 1.0)
    monkeypatch.setattr(fingerprint, "changed_files", lambda root, blobs: ())
    marks = Marks(killed=signal.SIGKILL, frozen=signal.SIGSTOP)
    marks.folder = tmp_path
    done = threading.Event()
    hurting = threading.Thread(target=hurt_the_browser, args=(marks, env, done), daemon=True)
    hurting.start()
    broken = ("set-cookie-sets-nothing",)
    try:
        jobs = [(f, broken) for f in (threads, forks)] + [(f, ()) for f in (killed, frozen)]
        # One real run: a thread left running still meets the next run (the broken lab's),
        # and a lost browser is lost in the first run its test makes its mark in.
        graded = grader.grade_files(jobs, CONFIG, run_seconds=6, expiry_seconds=2, real_runs=1)
    finally:
        done.set()
    assert survivors(env, timeout=5) == []
    threads_said, forks_said, killed_said, frozen_said = (
        judge(runs, jobs[n][1], 6) for n, runs in enumerate(graded)
    )
    assert threads_said.solved, threads_said.sentences
    assert not forks_said.solved
    assert forks_said.sentences[0].startswith("your test calls os.fork on line 6: ")
    for verdict, why in ((killed_said, "it died"), (frozen_said, "it froze (chromium")):
        assert verdict.solved, verdict.sentences
        assert f"the checker's browser failed during one of the runs: {why}" in " ".join(
            verdict.sentences
        )


# An exercise-1 solution that floods the terminal, starts processes that leave its group and
# session, and signals its parent: SIGTERM, SIGSTOP, SIGKILL, as a learner's app might.
SABOTAGE = """
import os, signal, subprocess, sys
sys.stdout.write("flood\\n" * 200_000)
sys.stdout.flush()
subprocess.Popen(["sleep", "302"], start_new_session=True)
if os.fork() == 0:
    os.setsid()
    os.execvp("sleep", ["sleep", "303"])
for signum in (signal.SIGTERM, signal.SIGSTOP, signal.SIGKILL):
    os.kill(os.getppid(), signum)
"""


def checker(root, *numbers, env):
    """`cookie-lab check` on the exercises tree under ``root``, in a process group of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "scenarios", "check", "--exercises", root / "exercises", *numbers],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )  # fmt: skip


def test_an_app_that_signals_its_parent_floods_and_escapes_still_gets_its_verdict(tmp_path):
    solution = (ROOT / "solutions" / FLASK_TRACK[0].folder / "app.py").read_text()
    folder = tmp_path / "exercises" / FLASK_TRACK[0].folder
    folder.mkdir(parents=True)
    (folder / "app.py").write_text(solution + SABOTAGE)
    env = tagged_env()
    process = checker(tmp_path, "1", env=env)
    try:
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
        left = survivors(env, timeout=5)
    assert process.returncode == 0, out + err
    assert "Solved: exercise 1 passes its check." in out
    # The first 40 lines as they came; the count of the rest once the app is closed.
    assert out.count("flood\n") == 40 and "\n... (199960 more lines)\n" in out
    assert len(out) < 5000
    assert left == []


def test_a_sigkilled_check_leaves_nothing_of_the_grading(tmp_path):
    exercise = AUTOMATION_TRACK[0]
    folder = tmp_path / "exercises" / exercise.folder
    folder.mkdir(parents=True)
    write(folder, exercise.file_name, """
        import subprocess

        def test_it(driver, lab_url):
            subprocess.Popen(["sleep", "304"], start_new_session=True)
            driver.get(lab_url)
            while True:
                pass
    """)  # fmt: skip
    env = tagged_env()
    process = checker(tmp_path, str(exercise.number), env=env)
    try:
        names = lambda: {name for _, name in processes_tagged(env)}  # noqa: E731
        assert not settle(lambda: not {"chromium", "sleep"} <= names(), timeout=30), names()
        process.kill()  # SIGKILL: the checker runs no clean-up at all
        process.wait(timeout=10)
        left = survivors(env, timeout=5)
    finally:
        process.kill()
        survivors(env, timeout=0)
    assert left == []


def test_a_browser_killed_mid_check_is_the_checkers_fault_and_the_check_is_done_again(tmp_path):
    solution = (ROOT / "solutions" / FLASK_TRACK[0].folder / "app.py").read_text()
    folder = tmp_path / "exercises" / FLASK_TRACK[0].folder
    folder.mkdir(parents=True)
    (folder / "app.py").write_text(solution)
    env = tagged_env()
    process = subprocess.Popen(
        [sys.executable, "-m", "scenarios", "check", "--exercises", tmp_path / "exercises", "1",
         "--slow-mo", "0.5"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )  # fmt: skip
    try:
        lines = Lines(process.stdout)
        lines.until("  ok   Start your app", within=30)
        for pid, name in processes_tagged(env):
            if name == "chromium":
                os.kill(pid, signal.SIGKILL)  # as a crash would, mid-check
        process.wait(timeout=60)
        out = "".join(lines.seen) + lines.rest()
    finally:
        process.kill()
        left = survivors(env, timeout=5)
    assert process.returncode == 0, out + process.stderr.read()
    assert f"  ok   {AGAIN}" in out
    assert "Solved: exercise 1 passes its check." in out and "Edit" not in out
    assert left == []
