#!/usr/bin/env bash
# Build the one-folder app under dist/actionplan with PyInstaller, and print its size.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
# The same exact versions as every other install (requirements/lock.txt).
"$PY" -m pip install --quiet -c requirements/lock.txt -e '.[packaging]'
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/actionplan.spec
if [ "$(uname -s)" = "Linux" ]; then
    install -D -m 644 packaging/actionplan.desktop dist/actionplan/share/applications/actionplan.desktop
    install -D -m 644 resources/icons/actionplan.png \
        dist/actionplan/share/icons/hicolor/256x256/apps/actionplan.png
fi
echo "Built dist/actionplan: $(du -sh dist/actionplan | cut -f1)"
