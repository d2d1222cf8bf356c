#!/usr/bin/env bash
# `make run-team`: try team mode on this PC. Starts a throwaway PostgreSQL server (Debian's
# pg_virtualenv, as root or not; listening on this machine only), creates a team database
# "northbridge" with the sample plans, a manager, two leads and a reader, and opens the app
# as the manager. Other logins can open more windows beside it from another terminal while
# it runs. Closing the window stops the server and throws the database away.
#
#   packaging/run_team.sh [path/to/actionplan]      (default: .venv/bin/actionplan)
set -euo pipefail
cd "$(dirname "$0")/.."
app=$(realpath "${1:-.venv/bin/actionplan}")
if [ "${2:-}" != "--beside-server" ]; then
    ./packaging/ensure_debs.sh postgresql postgresql-common
    echo "Starting a throwaway PostgreSQL server for the sample team…"
    exec pg_virtualenv -t -o fsync=off "$0" "$app" --beside-server
fi

# From here on pg_virtualenv's server is running; PGHOST, PGPORT, PGUSER and PGPASSWORD name it.
password="try-the-team"
server="$PGHOST:$PGPORT/northbridge"
admin="postgresql+psycopg://$PGUSER:$PGPASSWORD@$server"
plans=$(mktemp -d)
trap 'rm -rf "$plans"' EXIT

createdb northbridge
"$app" team upgrade --db "$admin"
"$app" demo --db "$plans/sample.db" >/dev/null
"$app" team publish --from "$plans/sample.db" --db "$admin"
"$app" team setup --db "$admin"
add() { echo "$password" | "$app" team add-user "$@" --db "$admin"; }
add mo --role manager
add csp --role lead --lead "Community Safety Partnership"
add exploitation --role lead --lead "Exploitation"
add board --role reader

cat <<TEXT

The sample team is ready. Every login's password is "$password":
  mo            manager: changes the whole plan
  csp           lead of "Community Safety Partnership": records progress on those actions
  exploitation  lead of "Exploitation"
  board         reader: reads the plan and prints the board pack
Opening the app as mo. To open another window as a colleague, in another terminal:
  $app --db postgresql+psycopg://csp:$password@$server
The server and its database are thrown away when this window closes.
TEXT
"$app" --db "postgresql+psycopg://mo:$password@$server"
