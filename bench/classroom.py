"""Load the classroom as a big class would: 200 learners join, then post 15 verdicts each
(one per check, as `make exercise N` does), 32 at a time, on loopback, against the real
`cookie-lab classroom` in a process of its own. Every post must succeed and be stored once;
prints each post's latency (p50, p99, max) and writes them as JSON. `make bench` runs it.

    .venv/bin/python bench/classroom.py [--learners 200] [--verdicts 15] [--json FILE]
"""

import argparse
import json
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scenarios.classroom import transport

CODE, TOKEN = "BENCH1", "bench-instructor-token"
P99_TARGET = 0.5  # seconds: a post well inside the check's half-second budget
BOUND = 300  # seconds for the whole load, at most


def open_classroom(db):
    command = [sys.executable, "-m", "scenarios", "classroom", "--db", str(db)]
    command += ["--code", CODE, "--instructor-token", TOKEN]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    first = server.stdout.readline()  # "The classroom is open at URL (...)", or the end
    found = re.search(r"open at (\S+) ", first)
    if not found:
        server.kill()
        sys.exit(f"bench: the classroom did not open: {first!r}")
    return server, found[1]


def learner(url, number, verdicts):
    """Join as learner ``number`` and post ``verdicts`` checks; each post's seconds."""
    status, joined = transport.post(f"{url}/api/join", {"code": CODE, "name": f"L{number}"}, 30)
    assert status == 200, (status, joined)
    took = []
    for exercise in range(1, verdicts + 1):
        verdict = {
            "key": secrets.token_urlsafe(12), "exercise": exercise, "solved": exercise % 3 == 0,
            "quiet": False, "passed": 1, "total": 3, "failure": "Expected a cookie named flavour.",
            "seconds": 1.0, "at": "2026-12-06T10:00:00+00:00", "fingerprint": "abc",
            "changed": False,
        }  # fmt: skip
        started = time.perf_counter()
        status, answer = transport.post(
            f"{url}/api/verdicts", {"verdicts": [verdict]}, 30, joined["key"]
        )
        took.append(time.perf_counter() - started)
        assert (status, answer.get("stored")) == (200, 1), (status, answer)
    return took


def measure(learners=200, verdicts=15, concurrency=32):
    """The load's figures: latencies, errors, and whether the class's record holds it all."""
    with tempfile.TemporaryDirectory() as folder:
        server, url = open_classroom(Path(folder) / "bench.db")
        try:
            started = time.perf_counter()
            with ThreadPoolExecutor(concurrency) as pool:
                jobs = [pool.submit(learner, url, n, verdicts) for n in range(learners)]
                results = [job.exception() or job.result() for job in jobs]
            wall = time.perf_counter() - started
            errors = [r for r in results if isinstance(r, BaseException)]
            took = sorted(t for r in results if not isinstance(r, BaseException) for t in r)
            status, _ = transport.post(f"{url}/api/join", {}, 30)  # still up: a 401
            board = _progress(url)
        finally:
            server.terminate()
            server.wait(30)
    stored = sum(len(x["exercises"]) for x in board["learners"])
    p99 = took[int(len(took) * 0.99) - 1] if took else None
    return {
        "learners": learners, "verdicts_each": verdicts, "concurrency": concurrency,
        "posts": len(took), "errors": [repr(e) for e in errors[:5]], "stored": stored,
        "seconds": round(wall, 2), "p50": statistics.median(took) if took else None,
        "p99": p99, "max": took[-1] if took else None, "p99_target": P99_TARGET,
        "met": not errors and status == 401 and stored == learners * verdicts
        and p99 is not None and p99 <= P99_TARGET and wall <= BOUND,
    }  # fmt: skip


def _progress(url):
    request = urllib.request.Request(
        f"{url}/progress.json", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def show(row):
    print(
        f"classroom: {row['learners']} learners x {row['verdicts_each']} verdicts, "
        f"{row['concurrency']} at a time: {row['posts']} posts in {row['seconds']} s, "
        f"{len(row['errors'])} errors, {row['stored']} stored; p50 {row['p50'] * 1000:.1f} ms, "
        f"p99 {row['p99'] * 1000:.1f} ms (target <= {P99_TARGET * 1000:.0f} ms "
        f"{'met' if row['met'] else 'MISSED'}), max {row['max'] * 1000:.1f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--verdicts", type=int, default=15)
    parser.add_argument("--json", type=Path, default=Path("bench/results/classroom.json"))
    args = parser.parse_args()
    row = measure(args.learners, args.verdicts)
    show(row)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(row, indent=2) + "\n")
    return 0 if row["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
