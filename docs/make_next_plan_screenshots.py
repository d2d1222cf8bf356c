"""Takes the README's screenshots of next year's plan, on the fictional Northbridge plan
(docs/make_board_pack.py builds it): the dialog proposing it, and a carried action in the
new plan that names the one it continues.

.venv/bin/python docs/make_next_plan_screenshots.py writes docs/screenshots/next-plan-*.png,
drawn offscreen on a 1600×1000 screen (no display needed). Everyone named is fictional.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from make_board_pack import AS_OF, build_plan
from offscreen_screen import ROOT  # before Qt loads: offscreen, throwaway settings
from PySide6.QtCore import QTimer

from actionplan.gui.app import prepare_application
from actionplan.gui.main_window import MainWindow
from actionplan.store.database import Database

FOLDER = ROOT / "docs" / "screenshots"


def main() -> None:
    """Build the plan, open the dialog, start next year's plan and open a carried action's
    old self, saving the window at each step."""
    app = prepare_application()
    db = Database.open(Path(tempfile.mkdtemp()) / "northbridge.db", user="Business Unit")
    build_plan(db)
    window = MainWindow(db, None)
    window.workspace.as_of = AS_OF
    window.resize(1560, 960)
    window.start()
    years = window.years
    view = window.plan_view
    steps = [
        window.commands.next_year_action.trigger,
        lambda: years.dialog.grab().save(str(FOLDER / "next-plan-dialog.png")),  # type: ignore[union-attr]
        lambda: years.dialog.start_button.click(),  # type: ignore[union-attr]
        lambda: view.table.selectRow(1),
        lambda: window.grab().save(str(FOLDER / "next-plan-carried.png")),
        lambda: view.detail.carried.linkActivated.emit("open"),
        lambda: window.grab().save(str(FOLDER / "next-plan-closed.png")),
        app.quit,
    ]
    for number, step in enumerate(steps):
        QTimer.singleShot(1500 + number * 1000, step)
    app.exec()
    print(f"Wrote {FOLDER}/next-plan-*.png")


if __name__ == "__main__":
    main()
