#!/usr/bin/env bash
# Check that Python is 3.11 or newer and can make virtual environments; fix the latter on Debian.
set -euo pipefail
python="${1:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "actionplan needs Python 3.11 or newer ('$python' is older or missing)." >&2
    exit 1
fi
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    "$(dirname "$0")/ensure_debs.sh" "python${version}-venv"
fi
