#!/usr/bin/env bash
# Idempotent set-up: a .venv with the package and its dev extras, a system Chromium (and its
# headless shell), ChromeDriver and Xvfb: what `make lab`, `make test` and the exercises need.
# `setup.sh --grid` installs the Selenium Grid's pieces instead (Java, npm, and the server jar
# from npm, 43 MB): `make grid` and the Grid tests run it when they first need them.
# Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv
STAMP=$VENV/.installed

# apt_install COMMAND:PACKAGE ...: install with apt-get the packages whose command is missing.
apt_install() {
    local need=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
    done
    ((${#need[@]})) || return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${need[*]} with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
        echo "setup: missing ${need[*]}; install them, e.g.: sudo apt-get install ${need[*]}" \
            "(other systems: see README.md, \"Other systems\")" >&2
    fi
}

if [[ ${1:-} == --grid ]]; then
    apt_install java:openjdk-17-jre-headless npm:npm
    # The Selenium server jar ships inside this npm package; its install script, which would
    # download one, stays off.
    GRID_VERSION=4.20.0
    GRID_JAR=.grid/node_modules/@nightwatch/selenium-server/lib/selenium-server-$GRID_VERSION.jar
    if [[ ! -f $GRID_JAR ]]; then
        if command -v npm >/dev/null 2>&1; then
            echo "setup: installing the Selenium Grid $GRID_VERSION into .grid (npm, scripts off)"
            mkdir -p .grid
            npm install --prefix .grid --ignore-scripts --no-audit --no-fund --loglevel=error \
                "@nightwatch/selenium-server@$GRID_VERSION" >/dev/null
        else
            echo "setup: missing npm, so no Selenium Grid; install npm and run make grid again" >&2
            exit 1
        fi
    fi
    exit 0
fi

# The headless shell runs headless labs and tests at under half the CPU (browser.py).
apt_install chromium:chromium chromium-headless-shell:chromium-headless-shell \
    chromedriver:chromium-driver xvfb-run:xvfb

if [[ ! -x $VENV/bin/python ]]; then
    echo "setup: creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when the project's declared dependencies changed since the last install.
if [[ ! -f $STAMP || pyproject.toml -nt $STAMP ]]; then
    echo "setup: installing cookie-lab with its dev extras into $VENV"
    # pip's notices (an editable install's warning box among them) go to a log, shown only
    # when the install fails: what follows setup, a check's verdict say, stays readable.
    log=$VENV/install.log
    if ! { "$VENV/bin/python" -m pip install -q --upgrade pip &&
        "$VENV/bin/python" -m pip install -q -e '.[dev]'; } >"$log" 2>&1; then
        cat "$log" >&2
        echo "setup: installing cookie-lab failed (above)" >&2
        exit 1
    fi
    touch "$STAMP"
fi
