"""Time the lab: whole runs, one browser launch, one navigation, clearing cookies, and each
scenario's own overhead beyond its page loads. Prints a table and writes it as JSON.

    .venv/bin/python bench/bench.py [--repeat 5] [--json bench/results/bench.json]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lab_app import create_app
from scenarios.browser import Browser
from scenarios.catalog import SCENARIOS
from scenarios.config import Config
from scenarios.lab import Lab
from scenarios.processes import stopped_like_ctrl_c
from scenarios.runner import run_one
from scenarios.server import LabServer

SHORT_EXPIRY = 2
# name: (expiry seconds, target seconds). Time itself forces 15 s: the rest must overlap it.
SUITES = {
    "suite, real 15 s expiry": (15, 1.15 * 15),
    f"suite, {SHORT_EXPIRY} s expiry": (SHORT_EXPIRY, 5.0),
}
OVERHEAD_TARGET = 0.050


class CountingLab(Lab):
    """A Lab that counts what a scenario waits for: page loads and browser restarts."""

    visits = restarts = 0

    def visit(self, path):
        self.visits += 1
        super().visit(path)

    def restart(self):
        self.restarts += 1
        super().restart()


def timed(action, repeat):
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return seconds


def whole_run(expiry):
    command = [sys.executable, "-m", "scenarios", "run", "--headless"]
    done = subprocess.run([*command, "--expiry-seconds", str(expiry)], capture_output=True)
    if done.returncode:
        sys.exit(f"bench: the suite failed with {expiry} s expiry:\n{done.stdout.decode()}")


def measure(repeat):
    rows = {}
    for name, (expiry, _) in SUITES.items():
        rows[name] = timed(lambda e=expiry: whole_run(e), repeat)
    config = Config.from_env(expiry_seconds=SHORT_EXPIRY)
    rows["browser launch"] = timed(lambda: Browser(config).quit(), repeat)
    with LabServer(create_app(config.app_config())) as server, Browser(config) as browser:
        lab = Lab(browser, server.url, config)
        lab.visit("/")
        rows["navigation"] = timed(lambda: lab.visit("/"), max(repeat, 20))
        rows["clear cookies"] = timed(lab.clear_cookies, max(repeat, 20))
        navigation = statistics.median(rows["navigation"])
        launch = statistics.median(rows["browser launch"])
        for scenario in SCENARIOS:
            if scenario.name == "expiry":
                continue  # its time is the clock's, measured in the whole runs
            overheads = []
            for _ in range(repeat):
                counting = CountingLab(browser, server.url, config)
                result = run_one(scenario, counting, lambda *event: None)
                waited = counting.visits * navigation + counting.restarts * launch
                overheads.append(max(result.seconds - waited, 0.0))
            rows[f"overhead: {scenario.name}"] = overheads
    return rows


def report(rows):
    table = {}
    for name, seconds in rows.items():
        target = SUITES[name][1] if name in SUITES else None
        if name.startswith("overhead"):
            target = OVERHEAD_TARGET
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
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, default=Path("bench/results/bench.json"))
    args = parser.parse_args()
    if args.repeat < 5:
        parser.error("--repeat must be at least 5: a median of fewer runs says little")
    table = report(measure(args.repeat))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(table, indent=2) + "\n")
    print(f"written to {args.json}")
    return 0 if all(row["met"] is not False for row in table.values()) else 1


if __name__ == "__main__":
    with stopped_like_ctrl_c():  # SIGTERM and SIGHUP close the browsers, as Ctrl-C does
        sys.exit(main())
