"""Time the lab: whole runs (and the CPU they use), one browser launch, one navigation,
clearing cookies, each scenario's own overhead beyond its page loads and restarts, and
`cookie-lab watch`'s save-to-verdict beside a cold `check` (watch_bench.py).
Prints a table and writes it as JSON.

    .venv/bin/python bench/bench.py [--repeat 5] [--json bench/results/bench.json] [--watch-only]

It ends with the classroom under load (bench/classroom.py: 200 learners x 15 verdicts).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import classroom  # bench/classroom.py, beside this file
import watch_bench
from selenium.webdriver.remote.command import Command

from lab_app import create_app
from scenarios.browser.live import Browser
from scenarios.content.catalog import SCENARIOS
from scenarios.content.exercises import catalog as exercise_catalog
from scenarios.core.config import Config
from scenarios.core.processes import stopped_like_ctrl_c
from scenarios.lab.facade import Lab
from scenarios.lab.server import LabServer
from scenarios.tracks.automation import grader
from scenarios.tracks.automation.verdict import judge
from scenarios.tracks.runner import run_one

SHORT_EXPIRY = 2
NINE = exercise_catalog.BY_NUMBER[9]
GRADING = f"grading exercise 9 (real lab {grader.REAL_RUNS} times, {len(NINE.broken)} broken labs)"
# name: (expiry seconds, target seconds). Time itself forces 15 s: the rest must overlap it.
SUITES = {
    "suite, real 15 s expiry": (15, 1.15 * 15),
    f"suite, {SHORT_EXPIRY} s expiry": (SHORT_EXPIRY, 5.0),
}
OVERHEAD_TARGET = 0.050


# The WebDriver commands that load a page: a visit, and a click (every click in the lab
# follows a link). A scenario's own overhead is its time outside them and outside restarts.
PAGE_LOADS = {Command.GET, Command.CLICK_ELEMENT}


class Waits:
    """The time one browser spends loading pages and restarting, timed as it happens through
    the browser's command listener. A restart runs from its QUIT to the new session."""

    def __init__(self, browser):
        self.seconds = 0.0
        self._started = {}
        browser.add_command_listener(self._before, self._after)

    def _before(self, command, params):
        if command in PAGE_LOADS or command == Command.QUIT:
            self._started[command] = time.perf_counter()
        elif command == Command.NEW_SESSION and Command.QUIT in self._started:
            self.seconds += time.perf_counter() - self._started.pop(Command.QUIT)

    def _after(self, command, params):
        if command in PAGE_LOADS:
            self.seconds += time.perf_counter() - self._started.pop(command)


def timed(action, repeat):
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return seconds


def busy_cpu_seconds():
    """CPU time the whole machine has spent busy so far (Linux): every process of a run,
    browsers included, which outlive the driver that started them and so escape rusage.
    Anything else running counts too: the figure holds on an idle machine only."""
    with open("/proc/stat") as stat:
        user, nice, system, idle, iowait, *rest = map(int, stat.readline().split()[1:])
    return (user + nice + system + sum(rest[:3])) / os.sysconf("SC_CLK_TCK")


def whole_run(expiry):
    """(seconds, CPU-seconds) of one whole headless run."""
    command = [sys.executable, "-m", "scenarios", "run", "--headless"]
    cpu, start = busy_cpu_seconds(), time.perf_counter()
    done = subprocess.run([*command, "--expiry-seconds", str(expiry)], capture_output=True)
    seconds, cpu = time.perf_counter() - start, busy_cpu_seconds() - cpu
    if done.returncode:
        sys.exit(f"bench: the suite failed with {expiry} s expiry:\n{done.stdout.decode()}")
    return seconds, cpu


def measure(repeat):
    rows = {}
    for name, (expiry, _) in SUITES.items():
        runs = [whole_run(expiry) for _ in range(repeat)]
        rows[name] = [seconds for seconds, _ in runs]
        rows[f"CPU-seconds: {name}"] = [cpu for _, cpu in runs]
    config = Config.from_env(expiry_seconds=SHORT_EXPIRY)
    rows["browser launch"] = timed(lambda: Browser(config).quit(), repeat)
    with LabServer(create_app(config.app_config())) as server, Browser(config) as browser:
        lab = Lab(browser, server.url, config)
        lab.visit("/")
        rows["navigation"] = timed(lambda: lab.visit("/"), max(repeat, 20))
        rows["clear cookies"] = timed(lab.jar.clear, max(repeat, 20))
        waits = Waits(browser)
        for scenario in SCENARIOS:
            if scenario.name == "expiry":
                continue  # its time is the clock's, measured in the whole runs
            overheads = []
            for _ in range(repeat):
                waited = waits.seconds
                lab = Lab(browser, server.url, config)
                result = run_one(scenario, lab, lambda *event: None)
                overheads.append(result.seconds - (waits.seconds - waited))
            rows[f"overhead: {scenario.name}"] = overheads
    rows[GRADING] = grading(repeat)
    rows.update(watch_bench.measure(repeat))
    return rows


def grading(repeat):
    """The automation track's grader on a solved exercise with all its broken labs: a child
    process, one browser, a pytest run of the learner's file per lab, and four on the real one."""
    exercise = exercise_catalog.BY_NUMBER[9]
    test_file = Path(__file__).resolve().parents[1] / "solutions" / exercise.folder
    config = Config.from_env()

    def grade():
        runs = grader.grade(test_file / exercise.file_name, exercise.broken, config)
        if not judge(runs, exercise.broken, grader.RUN_SECONDS).solved:
            sys.exit("bench: exercise 9's reference solution was not solved")

    return timed(grade, repeat)


def report(rows):
    table = {}
    for name, seconds in rows.items():
        target = SUITES[name][1] if name in SUITES else None
        if name == GRADING:
            target = 5.0
        if name.startswith("overhead"):
            target = OVERHEAD_TARGET
        target = watch_bench.target(name) or target
        median = statistics.median(seconds)
        table[name] = {
            "median": median,
            "min": min(seconds),
            "max": max(seconds),
            "runs": len(seconds),
            "target": target,
            "met": None if target is None else median <= target,
        }
    width = max(map(len, table))
    print(f"{'measure':<{width}}  {'median':>8}  {'min':>8}  {'max':>8}  target")
    for name, row in table.items():
        verdict = ""
        if row["target"] is not None:
            verdict = f"<= {row['target']:.3f} {'met' if row['met'] else 'MISSED'}"
        figures = "  ".join(f"{row[k]:8.3f}" for k in ("median", "min", "max"))
        print(f"{name:<{width}}  {figures}  {verdict}")
    # Browsers are CPU-bound here: a run cannot be shorter than its CPU time over the cores.
    cores = os.cpu_count()
    for name in (n for n in SUITES if f"CPU-seconds: {n}" in table):  # not with --watch-only
        cpu = table[f"CPU-seconds: {name}"]["median"]
        print(
            f"{name}: {cpu:.1f} CPU-seconds (machine-wide: run idle), "
            f"so at least {cpu / cores:.1f} s on {cores} cores"
        )
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, default=Path("bench/results/bench.json"))
    parser.add_argument(
        "--watch-only", action="store_true", help="only cookie-lab watch, beside a cold check"
    )
    args = parser.parse_args()
    if args.repeat < 5:
        parser.error("--repeat must be at least 5: a median of fewer runs says little")
    rows = watch_bench.measure(args.repeat) if args.watch_only else measure(args.repeat)
    table = report(rows)
    if not args.watch_only:
        # The class server under a big class's load (bench/classroom.py): its own figures.
        table["classroom load"] = classroom.measure()
        classroom.show(table["classroom load"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(table, indent=2) + "\n")
    print(f"written to {args.json}")
    return 0 if all(row["met"] is not False for row in table.values()) else 1


if __name__ == "__main__":
    with stopped_like_ctrl_c():  # SIGTERM and SIGHUP close the browsers, as Ctrl-C does
        sys.exit(main())
