"""Size a class on one Grid: N learners checking at once through one local node.

    .venv/bin/python bench/grid_class.py [N ...]      (default: 1 2 4 8)

For each N, a Grid on loopback with --max-sessions N, and N `cookie-lab check` at once, each
a learner's whole Flask track (exercises 1-8, the reference solutions: one session each) and
one automation grading (exercise 9: one session, ten runs of the learner's test). Each
learner's lab is served at 127.0.0.1, as a learner on this machine would. Prints, per N, the
wall time of the slowest learner, the median, and the CPU seconds spent: the checkers' (and
their apps and grading children), and the Grid's (Java, ChromeDriver and Chromium, read from
the Java process's own and reaped children's times).
"""

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from scenarios.browser.grid import LocalGrid

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")
CHECK = [sys.executable, "-m", "scenarios", "check", *map(str, range(1, 10)), "--solutions"]


def grid_cpu(grid):
    """CPU seconds of the Grid's servers and every process they reaped (the browsers)."""
    total = 0
    for pid in grid.pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / TICKS


def one_class(learners, log):
    with LocalGrid(max_sessions=learners, log_path=log) as grid:
        command = [*CHECK, "--remote-url", grid.remote_url]
        grid_before, checkers_before = grid_cpu(grid), os.times()
        started = time.monotonic()
        seconds, failed = [], []

        def learner():
            process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
            out, _ = process.communicate(timeout=900)
            seconds.append(time.monotonic() - started)  # each learner's own end
            failed.append(process.returncode != 0 or "9 of 9 solved" not in out)

        threads = [threading.Thread(target=learner) for _ in range(learners)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        after = os.times()
        checkers = (after.children_user - checkers_before.children_user) + (
            after.children_system - checkers_before.children_system
        )
        spent = grid_cpu(grid) - grid_before
        return max(seconds), statistics.median(seconds), checkers, spent, sum(failed)


def main(counts):
    print(f"{os.cpu_count()} cores; each learner: check 1-9 --solutions through the Grid")
    print("learners  slowest_s  median_s  checkers_cpu_s  grid_cpu_s  failed")
    for learners in counts:
        row = one_class(learners, Path(f"/tmp/cookie-lab-grid-bench-{learners}.log"))
        slowest, median, checkers, grid, failed = row
        print(
            f"{learners:8d}  {slowest:9.1f}  {median:8.1f}  {checkers:14.1f}  {grid:10.1f}  "
            f"{failed:6d}"
        )


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1, 2, 4, 8])
