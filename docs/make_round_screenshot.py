"""Renders the README's screenshot of the update round screen, offscreen, from a made-up plan.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_round_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never the user's own settings
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from openpyxl import load_workbook  # noqa: E402

from actionplan.domain.plan_data import (  # noqa: E402
    ActionData,
    LeadData,
    PlanData,
    PriorityData,
)
from actionplan.domain.rag import Rag  # noqa: E402
from actionplan.domain.status import Status  # noqa: E402
from actionplan.gui.app import prepare_application  # noqa: E402
from actionplan.gui.main_window import MainWindow  # noqa: E402
from actionplan.services.editing import plan_leads  # noqa: E402
from actionplan.services.lead_emails import set_lead_emails  # noqa: E402
from actionplan.services.plan_store import save_plan_data  # noqa: E402
from actionplan.services.round_progress import chase, merge_collected  # noqa: E402
from actionplan.services.rounds import RoundStart, collect_returns, start_round  # noqa: E402
from actionplan.services.workspace import open_database  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "update-round.png"
PLAN = "Northbridge SCP Priorities Action Plan 2025-26"
LEADS = [
    ("Police Partnership Inspector", "Northbridge Police"),
    ("Designated Nurse", "ICB"),
    ("Head of Education Safeguarding", "Local authority"),
    ("Youth Justice Service Manager", "Local authority"),
    ("Early Help Lead", "Local authority"),
    ("CAMHS Service Manager", "NHS Trust"),
]
STARTED, DUE, TODAY = date(2025, 12, 1), date(2025, 12, 12), date(2025, 12, 15)


def _action(number: int, name: str, agency: str) -> ActionData:
    return ActionData(
        f"Action {number} for the board", f"1.{number}", [LeadData(name, agency)],
        timescale_raw="March 2026", status=Status.IN_PROGRESS, rag=Rag.GREEN,
    )  # fmt: skip


def _plan() -> PlanData:
    actions = [_action(number, name, agency) for number, (name, agency) in enumerate(LEADS, 1)]
    priority = PriorityData(title="Contextual safeguarding", number="1", actions=actions)
    return PlanData(title=PLAN, prepared_by="Ana Novak", priorities=[priority])


def _fill(path: Path, rag: str, update: str) -> None:
    book = load_workbook(path)
    sheet = book["Your actions"]
    sheet.cell(2, 8, rag)
    sheet.cell(2, 9, "In progress")
    sheet.cell(2, 10, update).data_type = "s"
    sheet.cell(2, 11, datetime(2025, 12, 10))
    sheet.cell(2, 12, "Waiting for the new provider" if rag == "Amber" else "").data_type = "s"
    book.save(path)


def main() -> None:
    """Run a round half way (three answered, two merged, one chased) and grab the screen."""
    app = prepare_application()
    folder = Path(tempfile.mkdtemp()) / "Board 18 December"
    db = open_database(Path(tempfile.mkdtemp()) / "round.db")
    plan_id = save_plan_data(db, _plan())
    leads = plan_leads(db, plan_id)
    set_lead_emails(db, {lead.id: f"{lead.name.split()[0].lower()}@northbridge.gov.uk"
                         for lead in leads[:5]})  # fmt: skip
    round_ = start_round(db, RoundStart(DUE, "Board 18 December"), folder, PLAN, STARTED)
    returns = sorted(folder.glob("*.xlsx"))
    _fill(returns[0], "Green", "All 14 schools trained")
    _fill(returns[1], "Amber", "Pathway agreed, recruitment under way")
    _fill(returns[2], "Green", "Audit complete")
    collect_returns(db, round_, returns[:3], date(2025, 12, 11))
    merge_collected(db, round_, returns[:2], date(2025, 12, 11))
    chase(db, round_, ["Youth Justice Service Manager"], date(2025, 12, 13))
    window = MainWindow(db, PLAN)
    window.workspace.as_of = TODAY
    window.start()
    window.rounds.show_round()
    dialog = window.rounds.dialog
    dialog.resize(1100, 330)
    dialog.table.resizeColumnsToContents()
    app.processEvents()
    dialog.grab().save(str(OUT))
    print(f"Saved {OUT}")


if __name__ == "__main__":
    main()
