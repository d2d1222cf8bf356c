#!/usr/bin/env bash
# The whole test suite, headless, as `make test` runs it (beside a throwaway PostgreSQL
# server: see with_postgres.sh). The tests are spread over this machine's cores
# (pytest-xdist, at most four at once); the one test that restarts the database server
# runs on its own afterwards, so no other test loses its connection to that restart.
# Arguments are passed to both runs of pytest (e.g. -x, or -k words).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
export QT_QPA_PLATFORM=offscreen
"$PY" -m pytest -n auto --maxprocesses 4 -m "not restarts_server" "$@"
status=0
"$PY" -m pytest -m restarts_server "$@" || status=$?
# 5 is pytest's "no test chosen", when the arguments leave that test out.
if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then
    exit "$status"
fi
