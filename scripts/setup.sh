#!/usr/bin/env bash
# Idempotent set-up: a .venv with the package and its dev extras, a system Chromium,
# ChromeDriver and Xvfb, and a Selenium Grid (its jar from npm, Java to run it).
# Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv
STAMP=$VENV/.installed

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v Xvfb >/dev/null 2>&1 || need_apt+=(xvfb)
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if ((${#need_apt[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${need_apt[*]} with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
        echo "setup: missing ${need_apt[*]}; install them, e.g.: sudo apt-get install ${need_apt[*]}" >&2
    fi
fi

if [[ ! -x $VENV/bin/python ]]; then
    echo "setup: creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when the project's declared dependencies changed since the last install.
if [[ ! -f $STAMP || pyproject.toml -nt $STAMP ]]; then
    echo "setup: installing cookie-lab with its dev extras into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[dev]'
    touch "$STAMP"
fi

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
        echo "setup: missing npm, so no Selenium Grid; install npm and run make setup again" >&2
    fi
fi
