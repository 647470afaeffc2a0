"""Run the whole scenario suite N times in a row and report every failure with its step.

    .venv/bin/python bench/soak.py [--runs 20] [--expiry-seconds 2]

Exit 0 only when every run passed: a flake is a failure.
"""

import argparse
import sys
import time

from scenarios.content.catalog import SCENARIOS
from scenarios.core.config import Config, UsageError
from scenarios.core.processes import stopped_like_ctrl_c
from scenarios.tracks import runner


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--expiry-seconds", type=int, default=2)
    args = parser.parse_args()
    if args.runs < 1 or args.expiry_seconds < 1:
        parser.error("--runs and --expiry-seconds must be at least 1")
    try:
        failures, seconds = soak(Config.from_env(expiry_seconds=args.expiry_seconds), args.runs)
    except UsageError as exc:
        sys.exit(f"soak: error: {exc}")
    print(
        f"\n{args.runs} runs of {len(SCENARIOS)} scenarios in {seconds:.0f} s: "
        f"{len(failures)} failures"
    )
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


def soak(config, runs):
    """Every step that failed in ``runs`` runs of the whole suite, and the seconds it took."""
    failures, start = [], time.monotonic()
    for run in range(1, runs + 1):
        results = runner.run(config, list(SCENARIOS))
        for result in results:
            for step in result.steps:
                if not step.passed:
                    failures.append(
                        f"run {run}, {result.scenario.name}: {step.narration}: {step.message}"
                    )
        print(
            f"run {run}/{runs}: {sum(r.passed for r in results)}/{len(results)} passed", flush=True
        )
    return failures, time.monotonic() - start


if __name__ == "__main__":
    with stopped_like_ctrl_c():  # SIGTERM and SIGHUP close the browsers, as Ctrl-C does
        sys.exit(main())
