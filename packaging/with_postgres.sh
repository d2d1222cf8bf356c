#!/usr/bin/env bash
# Run a command (the test suite) with a throwaway PostgreSQL server beside it, so the tests
# run on a real server as well as on SQLite. Debian's pg_virtualenv starts the server in a
# few seconds, sets PGHOST, PGPORT, PGUSER and PGPASSWORD for the command, and removes the
# server after; PostgreSQL is installed first when it is missing. A server already named in
# ACTIONPLAN_TEST_PG is used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${ACTIONPLAN_TEST_PG:-}" ]; then
    exec "$@"
fi
# The server package itself, not only pg_virtualenv: postgresql-common can be present
# without a server (it comes with some client installs). Nothing is done when it is there.
./packaging/ensure_debs.sh postgresql postgresql-common
# Durability is of no use to a server thrown away after the run, and costs time. -t keeps
# the server in a temporary folder even as root, so two runs at once do not clash.
exec pg_virtualenv -t -o fsync=off "$@"
