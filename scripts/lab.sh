#!/usr/bin/env bash
# `make lab`: every scenario in a visible browser, slowly, with the report in lab-report/.
# With no display it still finishes: in a virtual display (Xvfb) when installed, else
# headless. Extra arguments go to `cookie-lab run` and win (e.g. --slow-mo 3, names).
# At the end the browser shows the run's summary until Enter or q; `--hold N` closes it
# after N seconds at most (0: at once): `make lab ARGS="--hold 30"`.
set -euo pipefail
cd "$(dirname "$0")/.."

XVFB=${XVFB:-Xvfb}
RUN=(.venv/bin/python -m scenarios run --slow-mo 1.5 --report lab-report)

# Xvfb is started here rather than by xvfb-run: closing the terminal sends SIGHUP to the
# whole job, which kills xvfb-run before its clean-up, and Xvfb takes SIGHUP as "reset",
# not "stop", so it stayed behind. In a session of its own no terminal signal reaches it,
# and whatever ends this script stops it.
start_xvfb() {
    local dir display
    dir=$(mktemp -d)
    mkfifo "$dir/display"
    # The screen fits the projector-sized window (Config.window_size). -displayfd picks a
    # free display and writes its number once the server accepts clients.
    setsid "$XVFB" -displayfd 3 -screen 0 1280x800x24 -nolisten tcp \
        3>"$dir/display" 2>"$dir/log" </dev/null &
    XVFB_PID=$!
    trap stop_xvfb EXIT
    if ! read -r -t 30 display <"$dir/display"; then
        echo "lab: error: Xvfb did not start: $(tail -n 1 "$dir/log" 2>/dev/null)" >&2
        rm -rf "$dir"
        exit 2
    fi
    rm -rf "$dir"
    export DISPLAY=":$display"
}

stop_xvfb() {
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
}

if [[ -n ${DISPLAY:-} ]]; then
    exec "${RUN[@]}" --headed "$@"
elif command -v "$XVFB" >/dev/null 2>&1; then
    echo "lab: no display (DISPLAY is not set): running the browser in a virtual display (Xvfb)"
    # The run gets the signal too (it is in this job) and closes its browser first; then
    # this script exits as it did, and the EXIT trap stops Xvfb.
    for signal in HUP INT TERM; do
        # shellcheck disable=SC2064 # the number is meant to be expanded now
        trap "exit $((128 + $(kill -l "$signal")))" "$signal"
    done
    start_xvfb
    status=0
    "${RUN[@]}" --headed "$@" || status=$?
    exit "$status"
else
    echo "lab: no display (DISPLAY is not set) and no Xvfb: running headless"
    exec "${RUN[@]}" --headless "$@"
fi
