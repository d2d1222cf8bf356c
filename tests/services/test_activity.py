"""The activity log in plain words: one action's history, a plan's for a stretch of days,
and the same exported to a workbook or a CSV file with every word intact and inert."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.activity import (
    EXPORT_HEADERS,
    action_activity,
    export_activity,
    plan_activity,
    undoing,
)
from actionplan.services.editing import action_draft, delete_action, edit_action, restore
from actionplan.services.errors import ServiceError
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import record_progress
from actionplan.services.views import ProgressEntry
from actionplan.store.database import Database
from tests.plan_helpers import plan_with_leads

AS_OF = date(2025, 12, 1)
HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+44 1234 567890",
    "-1+2",
    "@SUM(A1:A3)",
    "<b>bold</b> & 'quoted'",
    "Zażółć gęślą jaźń — تقييم المخاطر — Trẻ em — 🙂\nsecond line",
]


def _plan(db: Database) -> tuple[int, dict[str, int]]:
    db.user = "Ana Novak"
    plan_id = save_plan_data(db, plan_with_leads())
    return plan_id, {row.ref: row.id for row in action_rows(db, plan_id, AS_OF)}


def test_an_actions_history_reads_newest_first_in_plain_words(db: Database) -> None:
    """1.1's history says, newest first, that Ana Novak set it Complete and Blue with an
    update, after changing its timescale; 1.2's history is not mixed in."""
    _plan_id, action = _plan(db)
    draft = action_draft(db, action["1.1"])
    edit_action(db, action["1.1"], replace(draft, timescale="May 2026"))
    entry = ProgressEntry(action["1.1"], date(2025, 11, 2), Rag.BLUE, Status.COMPLETE, "Done")
    record_progress(db, entry)
    history = action_activity(db, action["1.1"])
    changes = [item.change for item in history]
    assert changes[-1] == "Timescale: March 2026 → May 2026"
    assert set(changes[:3]) == {
        "Progress recorded: Done",
        "Status: In progress → Complete",
        "RAG: Amber → Blue",
    }
    first = history[0]
    assert first.sentence.startswith(f"{first.when:%d %b %Y %H:%M} · Ana Novak · ")
    assert action_activity(db, action["1.2"]) == []


def test_a_plans_history_by_days_and_by_the_ref_of_an_action_since_deleted(db: Database) -> None:
    """Today's entries are found between yesterday and today and none tomorrow; asking for
    1.2 after it was deleted and put back finds both, said in words."""
    plan_id, action = _plan(db)
    removed = delete_action(db, action["1.2"])
    with undoing():
        restore(db, removed)
    today = date.today()
    assert plan_activity(db, plan_id, since=today - timedelta(days=1), until=today)
    assert plan_activity(db, plan_id, since=today + timedelta(days=1)) == []
    assert plan_activity(db, plan_id, until=today - timedelta(days=1)) == []
    changes = [item.change for item in plan_activity(db, plan_id, action_ref="1.2")]
    words = action_draft(db, action["1.2"]).text
    assert changes == [
        f"Undone: action 1.2 put back: {words}",
        f"Deleted action 1.2: {words}",
    ]


def test_a_first_day_after_the_last_is_one_clear_sentence(db: Database) -> None:
    """Days given the wrong way round are refused in one sentence."""
    plan_id, _action = _plan(db)
    with pytest.raises(ServiceError, match="after the last"):
        plan_activity(db, plan_id, since=date(2025, 3, 2), until=date(2025, 3, 1))


def _hostile_history(db: Database) -> int:
    plan_id, action = _plan(db)
    for words in HOSTILE:
        draft = action_draft(db, action["1.1"])
        edit_action(db, action["1.1"], replace(draft, text=words))
    return plan_id


def test_a_workbook_export_keeps_every_word_as_text_never_a_formula(
    db: Database, tmp_path: Path
) -> None:
    """Formula-looking words, markup and any script come back from the workbook exactly,
    each a text cell; the times are real dates."""
    plan_id = _hostile_history(db)
    entries = plan_activity(db, plan_id)
    out = export_activity(entries, tmp_path / "activity.xlsx")
    sheet = load_workbook(out)["Activity"]
    rows = list(sheet.iter_rows())
    assert tuple(cell.value for cell in rows[0]) == EXPORT_HEADERS
    assert len(rows) == len(entries) + 1
    new_words = [row[5].value for row in rows[1:] if row[3].value == "Action"]
    assert set(HOSTILE) <= set(new_words)
    for row in rows[1:]:
        assert row[0].is_date
        assert all(cell.data_type == "s" for cell in row[1:] if cell.value is not None)


def test_a_csv_export_keeps_every_word_and_runs_no_formula(db: Database, tmp_path: Path) -> None:
    """Read back as CSV, every word is there in its script; no cell starts as a formula
    would, words that look like one carry the apostrophe that keeps them words."""
    plan_id = _hostile_history(db)
    out = export_activity(plan_activity(db, plan_id), tmp_path / "activity.csv")
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert tuple(rows[0]) == EXPORT_HEADERS
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)
    new_words = {row[5] for row in rows[1:] if row[3] == "Action"}
    assert set(HOSTILE[4:]) <= new_words
    assert {f"'{words}" for words in HOSTILE[:4]} <= new_words


def test_an_export_never_replaces_a_file_unasked_nor_writes_another_kind(
    db: Database, tmp_path: Path
) -> None:
    """An existing file is kept unless replacing was asked; a .pdf is refused in words."""
    plan_id = _hostile_history(db)
    entries = plan_activity(db, plan_id)
    kept = tmp_path / "activity.csv"
    kept.write_text("mine", encoding="utf-8")
    with pytest.raises(ServiceError, match="already exists"):
        export_activity(entries, kept)
    assert kept.read_text(encoding="utf-8") == "mine"
    with pytest.raises(ServiceError, match=r"\.xlsx or \.csv"):
        export_activity(entries, tmp_path / "activity.pdf")
    export_activity(entries, kept, replace=True)
    assert kept.read_text(encoding="utf-8-sig").startswith("When,Who")
