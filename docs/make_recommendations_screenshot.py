"""Takes the README's screenshot of the Recommendations tab, on the fictional Northbridge
plan (docs/make_board_pack.py builds it) with a fictional register of review recommendations.

.venv/bin/python docs/make_recommendations_screenshot.py writes
docs/screenshots/recommendations.png, drawn offscreen on a 1600×1000 screen (no display
needed). Every review, child and person named is fictional.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never the user's own settings
SCREEN = Path(os.environ["XDG_CONFIG_HOME"]) / "screen.json"
SCREEN.write_text(
    json.dumps({"screens": [{"name": "docs", "x": 0, "y": 0, "width": 1600, "height": 1000}]}),
    encoding="utf-8",
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"  # before Qt loads

from make_board_pack import AS_OF, build_plan  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402

from actionplan.domain.recommendations import RecommendationDraft, ReviewType  # noqa: E402
from actionplan.gui.app import prepare_application  # noqa: E402
from actionplan.gui.main_window import MainWindow  # noqa: E402
from actionplan.services.actions import action_rows  # noqa: E402
from actionplan.services.plans import list_plans  # noqa: E402
from actionplan.services.recommendations import add_recommendation, sign_off  # noqa: E402
from actionplan.store.database import Database  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "recommendations.png"
CHILD_Q = ("Child Q", ReviewType.PRACTICE_REVIEW, date(2024, 5, 14))
JTAI = ("Joint targeted area inspection 2024", ReviewType.INSPECTION, date(2024, 9, 30))
AUDIT = ("Neglect multi-agency audit", ReviewType.AUDIT, date(2024, 11, 1))

# (source, recommendation, response, refs of the actions that answer it)
REGISTER = [
    (CHILD_Q, "Practitioners use the neglect toolkit at every strategy discussion.",
     "Agreed: the toolkit is refreshed and trained.", ["1.1", "1.2"]),
    (CHILD_Q, "Schools share attendance concerns with early help within five days.",
     "Agreed with the education subgroup.", ["2.1"]),
    (CHILD_Q, "The partnership tests whether fathers are seen in assessments.",
     "To be audited in 2025-26.", []),
    (JTAI, "Leaders strengthen the front door's response to exploitation.",
     "Accepted in full.", ["2.2"]),
    (JTAI, "Return home interviews are offered within 72 hours.", "Accepted.", ["3.1"]),
    (AUDIT, "Chronologies are kept up to date in every agency's records.",
     "Agreed.", ["1.3"]),
]  # fmt: skip


def _register(db: Database) -> None:
    plan = list_plans(db)[0]
    refs = {row.ref: row.id for row in action_rows(db, plan.id, AS_OF)}
    made = []
    for (review, kind, day), text, response, answered in REGISTER:
        draft = RecommendationDraft(review, text, kind, day, response)
        made.append(add_recommendation(db, draft, [refs[r] for r in answered if r in refs]))
    sign_off(db, made[0], "Independent scrutineer", date(2025, 3, 12))


def main() -> None:
    """Build the plan and its register, and save the window with the tab on screen."""
    app = prepare_application()
    db = Database.open(Path(tempfile.mkdtemp()) / "northbridge.db", user="Business Unit")
    build_plan(db)
    _register(db)
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
