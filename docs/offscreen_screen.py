"""Imported first by the scripts that take the README's window screenshots: the project on
the import path, settings in a throwaway folder (never the user's own), and Qt drawing
offscreen on a 1600×1000 screen, so no display is needed. It must load before Qt does.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
SCREEN = Path(os.environ["XDG_CONFIG_HOME"]) / "screen.json"
SCREEN.write_text(
    json.dumps({"screens": [{"name": "docs", "x": 0, "y": 0, "width": 1600, "height": 1000}]}),
    encoding="utf-8",
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
