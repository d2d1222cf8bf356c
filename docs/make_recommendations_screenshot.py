"""Takes the README's screenshot of the Recommendations tab, on the fictional Northbridge
plan (docs/make_board_pack.py builds it) with a fictional register of review recommendations.

.venv/bin/python docs/make_recommendations_screenshot.py writes
docs/screenshots/recommendations.png, drawn offscreen on a 1600×1000 screen (no display
needed). Every review, child and person named is fictional.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from make_board_pack import AS_OF, build_plan
from northbridge_register import add_register
from offscreen_screen import ROOT  # before Qt loads: offscreen, throwaway settings
from PySide6.QtCore import QTimer

from actionplan.gui.app import prepare_application
from actionplan.gui.main_window import MainWindow
from actionplan.store.database import Database

OUT = ROOT / "docs" / "screenshots" / "recommendations.png"


def main() -> None:
    """Build the plan and its register, and save the window with the tab on screen."""
    app = prepare_application()
    db = Database.open(Path(tempfile.mkdtemp()) / "northbridge.db", user="Business Unit")
    build_plan(db)
    add_register(db)
    window = MainWindow(db, None)
    window.workspace.as_of = AS_OF
    window.resize(1560, 960)
    window.start()
    view = window.plan_view
    steps = [
        lambda: view.tabs.setCurrentWidget(view.recommendations),
        lambda: view.recommendations.select(2),
        lambda: window.grab().save(str(OUT)),
        app.quit,
    ]
    for number, step in enumerate(steps):
        QTimer.singleShot(1500 + number * 1000, step)
    app.exec()
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
