"""Exporting a stored plan: the tracker round trip, write-back into the original, safe files."""

from __future__ import annotations

import pprint
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook
from sqlmodel import col, select

from actionplan.domain.plan_data import PlanData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.excel.tracker.own_export_reader import read_own_export
from actionplan.services.editing import ActionDraft, add_action
from actionplan.services.errors import ServiceError
from actionplan.services.exporting import export_original_layout, export_tracker
from actionplan.services.importing import import_workbook, preview_import
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import change_plan_settings, create_plan, plan_settings
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.views import PlanSettings
from actionplan.store.database import Database
from actionplan.store.tables import Action, Priority
from tests.excel.plans import awkward_plans, realistic_plan

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.xlsx"))
AS_OF = date(2025, 12, 1)
# A round trip carries the whole plan, so it is exported as at a day after every update in it.
AFTER_EVERY_UPDATE = date(2100, 1, 1)


def same_plan(first: PlanData, second: PlanData) -> None:
    """Assert two plans are equal field for field, showing the differing lines if not."""
    if first != second:
        lines = zip(
            pprint.pformat(first).splitlines(), pprint.pformat(second).splitlines(), strict=False
        )
        diff = [f"- {a}\n+ {b}" for a, b in lines if a != b]
        pytest.fail("plans differ:\n" + "\n".join(diff[:20]))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_each_sample_plan_comes_back_whole_from_its_export(
    db: Database, tmp_path: Path, sample: Path
) -> None:
    """Import a sample, export it, import the export: the same plan, field for field."""
    first = import_workbook(db, sample)
    before = load_plan_data(db, first.plan_id)
    out = export_tracker(
        db, tmp_path / "export.xlsx", plan_name=first.title, as_of=AFTER_EVERY_UPDATE
    ).path
    again = import_workbook(db, out)
    assert again.preview.layout == "tracker"
    assert before.action_count > 30
    same_plan(load_plan_data(db, again.plan_id), before)


def test_the_export_reads_back_as_the_stored_plan(db: Database, tmp_path: Path) -> None:
    """Every field of a stored plan, raw words and whole history included, is in the export."""
    plan_id = save_plan_data(db, realistic_plan())
    out = export_tracker(db, tmp_path / "plan.xlsx", as_of=AS_OF)
    assert (out.plan_title, out.actions) == ("Northbridge Priorities Action Plan 2025-26", 3)
    same_plan(read_own_export(out.path), load_plan_data(db, plan_id))


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database for every generated plan (each example saves a new plan)."""
    database = Database.open(tmp_path_factory.mktemp("hypothesis") / "plans.db")
    yield database
    database.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=awkward_plans)
def test_a_plan_with_awkward_text_survives_save_export_and_import(
    shared_db: Database, tmp_path_factory: pytest.TempPathFactory, plan: PlanData
) -> None:
    """Whatever the words (formulas, tabs, CR, markup, any script, emoji), nothing changes."""
    stored = load_plan_data(shared_db, save_plan_data(shared_db, plan))
    out = tmp_path_factory.mktemp("export") / "plan.xlsx"
    export_tracker(shared_db, out, plan_name=None, as_of=AFTER_EVERY_UPDATE)
    again = import_workbook(shared_db, out)
    same_plan(load_plan_data(shared_db, again.plan_id), stored)


def test_write_back_needs_a_plan_imported_from_a_workbook(db: Database, tmp_path: Path) -> None:
    """A plan made in the app has no layout of its own: the message says what to do instead."""
    save_plan_data(db, realistic_plan())
    with pytest.raises(ServiceError, match=r"not imported from a workbook.*export a tracker"):
        export_original_layout(db, tmp_path / "back.xlsx")
    assert not (tmp_path / "back.xlsx").exists()


def test_progress_recorded_in_the_app_is_written_back_into_the_original(
    db: Database, tmp_path: Path
) -> None:
    """The imported priorities plan comes back in its own layout with the new RAG and update."""
    sample = next(path for path in SAMPLES if "priorities" in path.name)
    plan_id = import_workbook(db, sample).plan_id
    with db.reading() as session:
        first = session.exec(
            select(Action.id).where(Action.plan_id == plan_id).order_by(col(Action.id))
        ).first()
    assert first is not None
    record_progress(db, ProgressEntry(first, date(2025, 11, 20), Rag.GREEN, Status.IN_PROGRESS,
                                      "12 sites signed up", "Ana", "ahead of plan"))  # fmt: skip
    result = export_original_layout(db, tmp_path / "back.xlsx", as_of=AS_OF)
    sheet = load_workbook(result.path)["Contextual Risk"]
    assert (sheet["F4"].value, sheet["G4"].value) == (None, "In progress")
    assert sheet["F4"].fill.fgColor.rgb == "FF00B050"  # green as the workbook colours it
    assert sheet["H4"].value == "Update 20 November 2025: 12 sites signed up"
    original = load_workbook(sample)["Contextual Risk"]
    assert {str(m) for m in original.merged_cells.ranges} - {"A1:F1"} <= {
        str(m) for m in sheet.merged_cells.ranges
    }


def test_an_action_added_after_the_import_is_noted_not_misplaced(
    db: Database, tmp_path: Path
) -> None:
    """Write-back names the action that has no row in the original workbook."""
    sample = next(path for path in SAMPLES if "tracker" in path.name)
    plan_id = import_workbook(db, sample).plan_id
    with db.reading() as session:
        priority = session.exec(select(Priority.id).where(Priority.plan_id == plan_id)).first()
    assert priority is not None
    add_action(db, priority, ActionDraft(text="Launch the new app", ref="1.12"))
    result = export_original_layout(db, tmp_path / "back.xlsx", as_of=AS_OF)
    assert result.notes == (
        "Action 1.12 (Launch the new app) was added in the app and has no row in the workbook.",
        "No RAG, status or update has changed since the import, so the workbook is exactly "
        "as it was.",
    )
    assert load_workbook(result.path)["Actions"]["A2"].value == "1.1"


def test_a_cancelled_export_leaves_the_old_file_and_no_scraps(db: Database, tmp_path: Path) -> None:
    """Cancelling mid-way leaves what was there before, and no half-written file beside it."""
    save_plan_data(db, realistic_plan())
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "plan.xlsx"
    out.write_bytes(b"last month's export")
    with pytest.raises(ServiceError, match="cancelled; nothing was saved"):
        export_tracker(db, out, as_of=AS_OF, cancelled=lambda: True, replace=True)
    assert out.read_bytes() == b"last month's export"
    assert [path.name for path in folder.iterdir()] == ["plan.xlsx"]


@pytest.mark.parametrize(
    ("name", "message"),
    [("plan.xls", "must end in .xlsx"), ("missing/plan.xlsx", "does not exist")],
)
def test_a_target_that_cannot_be_written_is_refused_in_one_sentence(
    db: Database, tmp_path: Path, name: str, message: str
) -> None:
    """Wrong file type or a folder that is not there: said plainly, nothing written."""
    save_plan_data(db, realistic_plan())
    with pytest.raises(ServiceError, match=message):
        export_tracker(db, tmp_path / name)


def test_importing_an_export_says_it_was_recognised_and_read_exactly(
    db: Database, tmp_path: Path
) -> None:
    """The import preview tells the user the file is the app's own export, read back as is."""
    save_plan_data(db, realistic_plan())
    out = export_tracker(db, tmp_path / "plan.xlsx", as_of=AS_OF).path
    lines = preview_import(out).lines()
    assert "Recognised as a tracker exported by actionplan" in "\n".join(lines)
    assert lines[0] == "plan.xlsx: tracker (one row per action)"


def test_the_tracker_summary_shows_the_plans_settings(db: Database, tmp_path: Path) -> None:
    """Partnership, period, author and marking saved in Plan settings head the tracker's
    Summary sheet, and come back when the tracker is imported."""
    plan = create_plan(db, "Westmoor Plan")
    settings = PlanSettings(
        "Westmoor Plan 2025-27",
        "Westmoor SCP",
        date(2025, 4, 1),
        date(2027, 3, 31),
        "Unit",
        "OFFICIAL-SENSITIVE",
    )
    change_plan_settings(db, plan.id, settings)
    out = export_tracker(db, tmp_path / "tracker.xlsx", as_of=AS_OF).path
    rows = list(load_workbook(out)["Summary"].iter_rows(max_row=8, values_only=True))
    facts = {row[0]: row[1] for row in rows[1:]}
    assert rows[0][0] == "Westmoor Plan 2025-27"
    assert (facts["Partnership"], facts["Prepared by"]) == ("Westmoor SCP", "Unit")
    assert facts["Protective marking"] == "OFFICIAL-SENSITIVE"
    assert (facts["Period starts"].date(), facts["Period ends"].date()) == (
        date(2025, 4, 1),
        date(2027, 3, 31),
    )
    change_plan_settings(db, plan.id, replace(settings, title="Westmoor Plan (old)"))
    again = import_workbook(db, out).plan_id
    assert plan_settings(db, again) == settings
