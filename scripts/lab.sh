#!/usr/bin/env bash
# `make lab`: every scenario in a visible browser, slowly, with the report in lab-report/.
# With no display it still finishes: in a virtual display under xvfb-run when installed,
# else headless. Extra arguments go to `cookie-lab run` and win (e.g. --slow-mo 3, names).
set -euo pipefail
cd "$(dirname "$0")/.."

XVFB_RUN=${XVFB_RUN:-xvfb-run}
RUN=(.venv/bin/python -m scenarios run --slow-mo 1.5 --report lab-report)

if [[ -n ${DISPLAY:-} ]]; then
    exec "${RUN[@]}" --headed "$@"
elif command -v "$XVFB_RUN" >/dev/null 2>&1; then
    echo "lab: no display (DISPLAY is not set): running the browser in a virtual display with xvfb-run"
    # The screen fits the projector-sized window (Config.window_size).
    exec "$XVFB_RUN" -a -s "-screen 0 1280x800x24" "${RUN[@]}" --headed "$@"
else
    echo "lab: no display (DISPLAY is not set) and no xvfb-run: running headless"
    exec "${RUN[@]}" --headless "$@"
fi
