"""Takes the README's screenshot of an action's activity log, on the fictional Northbridge
plan (docs/make_board_pack.py builds it), with a few colleagues' changes made today.

.venv/bin/python docs/make_activity_screenshot.py writes docs/screenshots/activity-log.png,
drawn offscreen on a 1600×1000 screen (no display needed). Everyone named is fictional.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from make_board_pack import AS_OF, build_plan
from offscreen_screen import ROOT  # before Qt loads: offscreen, throwaway settings
from PySide6.QtCore import QTimer

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui.app import prepare_application
from actionplan.gui.main_window import MainWindow
from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.plans import list_plans
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.views import ActionRow
from actionplan.store.database import Database

OUT = ROOT / "docs" / "screenshots" / "activity-log.png"
REF = "2.2"


def _colleagues_change(db: Database, action_id: int) -> None:
    # Three people, one action: a lead's progress, the business manager's words, a new lead.
    db.user = "Ana Novak"
    words = "Audit signed off by the board."
    record_progress(db, ProgressEntry(action_id, date.today(), Rag.BLUE, Status.COMPLETE, words))
    db.user = "Priya Shah"
    draft = action_draft(db, action_id)
    edit_action(db, action_id, replace(draft, timescale="June 2025"))
    db.user = "Tom Reid"
    draft = action_draft(db, action_id)
    edit_action(db, action_id, replace(draft, lead=f"{draft.lead} / Health"))


def main() -> None:
    """Build the plan, make the changes, and save the window with the log on screen."""
    app = prepare_application()
    db = Database.open(Path(tempfile.mkdtemp()) / "northbridge.db", user="Business Unit")
    build_plan(db)
    action_id = next(row.id for row in _rows(db) if row.ref == REF)
    _colleagues_change(db, action_id)
    window = MainWindow(db, None)
    window.workspace.as_of = AS_OF
    window.resize(1560, 960)
    window.start()
    detail = window.plan_view.detail
    steps = [
        lambda: window.plan_view.select_action(action_id),
        lambda: detail.history_tabs.setCurrentWidget(detail.activity),
        lambda: window.grab().save(str(OUT)),
        app.quit,
    ]
    for number, step in enumerate(steps):
        QTimer.singleShot(1500 + number * 1000, step)
    app.exec()
    print(f"Wrote {OUT}")


def _rows(db: Database) -> list[ActionRow]:
    return [row for plan in list_plans(db) for row in action_rows(db, plan.id, AS_OF)]


if __name__ == "__main__":
    main()
