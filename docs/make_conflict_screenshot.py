"""Takes the README's picture of the choice a user gets when a colleague saved first.

The fictional Northbridge plan of make_board_pack.py goes into a new database; the window
opens on it offscreen and shows an action; a colleague (a second copy of the app, under
another name) rewrites the action's words and adds a lead; the user, who had typed new
words, saves, and the dialog that shows both is saved as docs/screenshots/conflict-dialog.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_conflict_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never the user's own settings

from make_board_pack import build_plan  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from actionplan.gui.app import prepare_application  # noqa: E402
from actionplan.gui.main_window import MainWindow  # noqa: E402
from actionplan.services.editing import action_draft, edit_action  # noqa: E402
from actionplan.services.workspace import open_database  # noqa: E402
from actionplan.store.database import Database  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "conflict-dialog.png"
COLLEAGUE = "Priya Shah"
THEIR_WORDS = (
    "Train 300 school and early-years staff in the neglect toolkit by March, "
    "with a refresher for designated safeguarding leads."
)
MY_WORDS = (
    "Train 250 school staff in the neglect toolkit by March and add the toolkit to the "
    "GP practice safeguarding lead meetings."
)


def main() -> None:
    """Build the plan, provoke the conflict in the window and save the dialog's picture."""
    app = prepare_application()
    target = Path(tempfile.mkdtemp()) / "northbridge.db"
    db = open_database(target)
    priority_ids = build_plan(db)
    window = MainWindow(db)
    window.resize(1400, 860)
    window.start()
    while window.loading:
        QCoreApplication.processEvents()
    model = window.plan_view.table_model
    rows = [model.row_at(number) for number in range(model.rowCount())]
    row = next(r for r in rows if r.priority_id == priority_ids[1])  # the neglect priority
    window.plan_view.select_action(row.id)
    _colleague_rewrites(target, row.id)
    detail = window.plan_view.detail
    detail.text.setPlainText(MY_WORDS)
    detail.save_button.click()
    dialog = window.edits.conflicts.dialog
    assert dialog is not None, "the save did not meet the colleague's change"
    dialog.resize(900, dialog.height())
    for _ in range(5):
        QCoreApplication.processEvents()
    dialog.fit_fields()
    for _ in range(5):
        QCoreApplication.processEvents()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT))
    print(f"Saved {OUT.relative_to(ROOT)}")
    window.close()
    db.close()
    app.quit()


def _colleague_rewrites(target: Path, action_id: int) -> None:
    # A second copy of the app on the same database, under the colleague's name.
    colleague = Database.open(target, user=COLLEAGUE)
    try:
        seen = action_draft(colleague, action_id)
        leads = f"{seen.lead} / Early Years Service" if seen.lead else "Early Years Service"
        edit_action(colleague, action_id, replace(seen, text=THEIR_WORDS, lead=leads))
    finally:
        colleague.close()


if __name__ == "__main__":
    main()
