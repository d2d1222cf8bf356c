"""Nothing invented: what a workbook did not say stays unknown in every place it is shown.

Each test imports a workbook laid out as partnerships keep theirs and reads what a user sees:
the summary, the tracker workbook and the board pack's own text.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from actionplan.services.actions import action_rows
from actionplan.services.exporting import export_original_layout, export_tracker
from actionplan.services.importing import import_workbook
from actionplan.services.plans import list_plans
from actionplan.services.progress import history
from actionplan.services.report import make_report
from actionplan.services.returns import export_returns
from actionplan.services.summary import plan_summary
from actionplan.store.database import Database
from tests.excel.import_books import book
from tests.pdf_helpers import page_texts, pdf_text

AS_OF = date(2025, 3, 31)


def business_plan(path: Path, title: str = "Ealdham SCP Business Plan 2024-25") -> Path:
    """The business-plan layout: heading rows per priority, Outcome | Action | Who | When,
    no Status and no RAG column; one action carries "Update August 2020: …" in its words."""
    return book(path, {"Plan": [
        [title],
        ["Priority 1 – Domestic Abuse"],
        ["Outcome", "Action", "Who", "When"],
        ["Children are supported", "Roll out Operation Encompass", "Police", "March 2026"],
        ["Children are supported",
         "Train school staff\nUpdate August 2020: 32 schools signed up", "Education", "2026"],
        ["Priority 2 - Tackling Peer on Peer Abuse"],
        ["Outcome", "Action", "Who", "When"],
        ["Best practice is shared", "Set up a sub-group", "Chair", "December 2025"],
    ]})  # fmt: skip


def rag_tracker(path: Path) -> Path:
    """A tracker with a RAG column but no Status and no date for its updates."""
    return book(path, {"Actions": [
        ["Ref", "Priority", "Action", "Lead", "Due date", "RAG", "Latest update"],
        ["1.1", "Neglect", "Launch the toolkit", "Health", datetime(2024, 6, 30), "B",
         "Launched to all partners"],
        ["1.2", "Neglect", "Audit neglect cases", "Health", datetime(2026, 3, 31), "A",
         "Audit tool agreed"],
        ["1.3", "Neglect", "Refresh the guidance", "LSCP", datetime(2026, 3, 31), "G", None],
    ]})  # fmt: skip


def imported(db: Database, path: Path) -> int:
    """Import the workbook as a new plan; its id."""
    return import_workbook(db, path).plan_id


def tracker_cells(db: Database, out: Path) -> dict[str, list[list[Any]]]:
    """Every sheet of the exported tracker as rows of values."""
    export_tracker(db, out, as_of=AS_OF)
    workbook = load_workbook(out)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook
    }


def column(rows: list[list[Any]], heading: str) -> list[Any]:
    """The values under a heading of a data sheet (heading in the first row)."""
    number = rows[0].index(heading)
    return [row[number] for row in rows[1:]]


def test_a_workbook_without_a_status_column_says_not_started_nowhere(
    db: Database, tmp_path: Path
) -> None:
    """No status given: the rows, the summary, the tracker and the pack show none, never
    "Not started"; the tracker shows a dash where the status would be."""
    plan_id = imported(db, business_plan(tmp_path / "business.xlsx"))
    rows = action_rows(db, plan_id, AS_OF)
    assert [row.status.word for row in rows] == ["—", "—", "—"]
    summary = json.dumps(plan_summary(db, as_of=AS_OF))
    assert "not started" not in summary.casefold().replace("_", " ")
    cells = tracker_cells(db, tmp_path / "tracker.xlsx")
    assert column(cells["Actions"], "Status") == ["—", "—", "—"]
    assert "Not started" not in json.dumps(cells, default=str)
    pdf = make_report(db, tmp_path / "pack.pdf", as_of=AS_OF, appendix=True)
    assert "not started" not in pdf_text(pdf).casefold()


def test_written_back_the_business_plan_gains_no_status_it_never_had(
    db: Database, tmp_path: Path
) -> None:
    """Written back in its own layout, the plan gets no "Not started" and no dash: a status
    nobody recorded is not written into the partnership's workbook."""
    imported(db, business_plan(tmp_path / "business.xlsx"))
    out = tmp_path / "written_back.xlsx"
    export_original_layout(db, out, as_of=AS_OF)
    words = [
        str(value)
        for sheet in load_workbook(out)
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert not [word for word in words if word in ("—", "-") or "not started" in word.casefold()]


def test_a_lead_s_return_shows_no_status_and_the_month_of_an_update(
    db: Database, tmp_path: Path
) -> None:
    """Each lead's return shows a dash for a status nobody recorded and the update's month."""
    imported(db, business_plan(tmp_path / "business.xlsx"))
    result = export_returns(db, tmp_path / "returns", as_of=AS_OF)
    cells = [
        list(row) for path in result.files for row in load_workbook(path)["Your actions"].values
    ]
    statuses = [row[8] for row in cells if row[8] != "Status"]
    words = json.dumps(cells, default=str)
    assert "Not started" not in words
    assert statuses == ["—", "—", "—"]
    assert "Aug 2020: 32 schools signed up" in words
    assert "1 Aug 2020" not in words


def test_an_update_of_a_month_is_shown_as_that_month(db: Database, tmp_path: Path) -> None:
    """ "Update August 2020" is an update of August 2020: "Aug 2020" in the history, the
    tracker and the pack, never "1 Aug 2020"."""
    plan_id = imported(db, business_plan(tmp_path / "business.xlsx"))
    trained = action_rows(db, plan_id, AS_OF)[1]
    [update] = history(db, trained.id)
    assert (update.update_date, update.when) == (date(2020, 8, 1), "Aug 2020")
    assert trained.latest_update_when == "Aug 2020"
    cells = tracker_cells(db, tmp_path / "tracker.xlsx")
    assert column(cells["Actions"], "Update date") == [None, "Aug 2020", None]
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF, appendix=True))
    assert "Aug 2020" in text
    assert "1 Aug 2020" not in text


def test_an_update_without_a_date_stays_undated(db: Database, tmp_path: Path) -> None:
    """An update the workbook gave no date keeps none: "date not given" in the history, the
    tracker and the pack, and it does not make its action look freshly updated."""
    plan_id = imported(db, rag_tracker(tmp_path / "tracker_in.xlsx"))
    audit = action_rows(db, plan_id, AS_OF)[1]
    [update] = history(db, audit.id)
    assert (update.update_date, update.when) == (None, "date not given")
    assert (audit.latest_update_when, audit.stale) == ("date not given", True)
    cells = tracker_cells(db, tmp_path / "tracker.xlsx")
    assert column(cells["Actions"], "Update date")[:2] == ["date not given", "date not given"]
    assert column(cells["Updates"], "Date")[:2] == ["date not given", "date not given"]
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF, appendix=True))
    assert "date not given: Audit tool agreed" in text


def test_blue_counts_as_complete_in_the_summary_tracker_and_pack(
    db: Database, tmp_path: Path
) -> None:
    """A Blue RAG with no status is complete: counted so, and neither overdue nor stale."""
    imported(db, rag_tracker(tmp_path / "tracker_in.xlsx"))
    summary = plan_summary(db, as_of=AS_OF)
    assert (summary["complete"], summary["overdue"]) == (1, 0)
    assert summary["by_priority"][0]["complete"] == 1
    cells = tracker_cells(db, tmp_path / "tracker.xlsx")
    totals = next(row for row in cells["Summary"] if row[0] == "All priorities")
    heads = next(row for row in cells["Summary"] if row[0] == "Priority")
    assert totals[heads.index("Complete")] == 1
    assert totals[heads.index("Overdue")] == 0
    first = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))[0]
    assert "0 Overdue" in first and "1 Complete" in first


def test_an_action_never_updated_counts_as_no_update_recorded(db: Database, tmp_path: Path) -> None:
    """Never updated is not "up to date": it counts among "no update for 90 days", is named
    "no update recorded", and so is an action whose only update has no date."""
    plan_id = imported(db, rag_tracker(tmp_path / "tracker_in.xlsx"))
    summary = plan_summary(db, as_of=AS_OF)
    assert (summary["stale"], summary["no_update"]) == (2, 1)
    guidance = action_rows(db, plan_id, AS_OF)[2]
    assert (guidance.stale, guidance.suggestion_reason) == (True, "no update recorded")
    cells = tracker_cells(db, tmp_path / "tracker.xlsx")
    totals = next(row for row in cells["Summary"] if row[0] == "All priorities")
    heads = next(row for row in cells["Summary"] if row[0] == "Priority")
    assert totals[heads.index("No update for 90 days")] == 2
    first = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))[0]
    assert "2 No update for 3 months 1 never updated" in first


def test_the_plan_period_is_the_years_the_title_names(db: Database, tmp_path: Path) -> None:
    """ "2024-25" in the title is 1 Apr 2024 – 31 Mar 2025 on the cover and the tracker."""
    imported(db, business_plan(tmp_path / "business.xlsx"))
    [plan] = list_plans(db)
    cover = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))[0]
    assert "Plan period: 2024-25 (1 Apr 2024 – 31 Mar 2025)" in cover
    facts = {row[0]: row[1] for row in tracker_cells(db, tmp_path / "t.xlsx")["Summary"] if row}
    assert (facts["Period starts"], facts["Period ends"]) == (
        datetime(2024, 4, 1),
        datetime(2025, 3, 31),
    )
    assert plan.title == "Ealdham SCP Business Plan 2024-25"


def test_a_sheet_named_for_its_years_gives_the_period(db: Database, tmp_path: Path) -> None:
    """A title naming no years takes the period from the sheet's name ("2019-2021")."""
    path = book(tmp_path / "plan.xlsx", {"2019-2021": [
        ["Ealdham Safeguarding Children Partnership action plan"],
        ["Action", "Lead", "When"],
        ["Review the neglect strategy", "LSCP", "December 2020"],
    ]})  # fmt: skip
    imported(db, path)
    cover = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))[0]
    assert "Plan period: 2019-2021 (1 Jan 2019 – 31 Dec 2021)" in cover
