#!/usr/bin/env bash
# `make exercise N`: set up if needed, then check exercise N; exits with the checker's status.
# Everything goes to stderr: the Makefile runs this as it reads itself (see there why) and
# keeps stdout for itself.
set -uo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --all ]]; then  # `make exercises`: every exercise, and the scoreboard
    shift
elif [[ $# -eq 0 || $1 == -* ]]; then
    echo "usage: make exercise N, e.g. make exercise 3" >&2
    exit 2
fi
bash scripts/setup.sh || exit
exec .venv/bin/python -m scenarios check "$@"
