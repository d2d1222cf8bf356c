"""Importing a workbook as a new plan: preview first, then one transaction or nothing at all."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from actionplan.domain.rag import Rag
from actionplan.excel.read import reader
from actionplan.services import importing
from actionplan.services.errors import ServiceError
from actionplan.services.importing import import_workbook, preview_import, read_import
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plan_store import SaveCancelled
from actionplan.services.plans import list_plans
from actionplan.services.sample_plans import load_sample_plans
from actionplan.store import plan_writer
from actionplan.store.database import Database
from actionplan.store.tables import PlanSource
from tests.excel.import_books import (
    BUSINESS_SAMPLE,
    PRIORITIES_SAMPLE,
    SAMPLES,
    TRACKER_SAMPLE,
    book,
    entity_bomb,
    tracker,
)
from tests.server_databases import stored_state

TABLES = ("plan", "priority", "outcome", "action", "lead", "action_lead", "progress_update")
TABLES += ("measure", "measure_reading", "plan_source")


def row_counts(db: Database) -> dict[str, int]:
    """How many rows each plan table holds."""
    with db.reading() as session:
        return {t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def untouched(db: Database, before: object) -> bool:
    """The database is as it was (a file byte for byte) and holds no plan."""
    return stored_state(db) == before and not list_plans(db) and not any(row_counts(db).values())


@pytest.mark.parametrize(
    ("sample", "priorities", "outcomes", "actions", "measures", "updates"),
    [
        (PRIORITIES_SAMPLE, 6, 0, 37, 14, 0),
        (BUSINESS_SAMPLE, 5, 13, 36, 5, 8),
        (TRACKER_SAMPLE, 7, 0, 70, 6, 62),
    ],
)
def test_samples_import_whole_and_load_back_equal(
    db: Database,
    sample: Path,
    priorities: int,
    outcomes: int,
    actions: int,
    measures: int,
    updates: int,
) -> None:
    """Each sample saves with its exact counts and loads back field for field."""
    result = import_workbook(db, sample)
    stored = load_plan_data(db, result.plan_id)
    assert stored == result.preview.plan
    counts = row_counts(db)
    assert (counts["priority"], counts["outcome"], counts["action"]) == (
        priorities,
        outcomes,
        actions,
    )
    assert (counts["measure"], counts["progress_update"]) == (measures, updates)


def test_the_workbook_and_its_mapping_are_kept_with_the_plan(db: Database) -> None:
    """The original bytes, layout and mapping are stored for writing back later."""
    result = import_workbook(db, TRACKER_SAMPLE)
    with db.reading() as session:
        source = session.exec(select(PlanSource).where(PlanSource.plan_id == result.plan_id)).one()
    assert source.filename == "northbridge_tracker_2025.xlsx"
    assert source.content == TRACKER_SAMPLE.read_bytes()
    assert source.layout == "tracker"
    mapping = json.loads(source.mapping_json)
    assert mapping["sheets"][0]["columns"]["rag"] == 7
    assert mapping["actions"][:2] == [["Actions", 2], ["Actions", 3]]
    assert len(mapping["actions"]) == 70


def test_preview_writes_nothing(db: Database) -> None:
    """A dry run reads and reports, and the database stays exactly as it was."""
    before = stored_state(db)
    preview = preview_import(PRIORITIES_SAMPLE)
    assert preview.layout == "priorities" and preview.plan.action_count == 37
    assert preview.lines()[0] == "northbridge_priorities_2025.xlsx: priorities action plan"
    assert untouched(db, before)


def hostile(tmp_path: Path, kind: str) -> Path:
    """A bad file of each kind the importer must refuse."""
    path = tmp_path / f"{kind}.xlsx"
    if kind == "truncated":
        path.write_bytes(TRACKER_SAMPLE.read_bytes()[:5000])
    elif kind == "text":
        path.write_text("Action,Lead\nRelaunch,Health\n")
    elif kind == "password":
        path.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
        )
    elif kind == "bomb":
        entity_bomb(path)
    elif kind == "budget":
        book(path, {"Budget": [["Item", "Cost"], ["Venue", 300]]})
    elif kind == "empty":
        path.write_bytes(b"")
    return path


@pytest.mark.parametrize("kind", ["truncated", "text", "password", "bomb", "budget", "empty"])
def test_bad_files_give_one_sentence_and_write_nothing(
    db: Database, tmp_path: Path, kind: str
) -> None:
    """Each bad file is refused with one sentence naming it; the database is untouched."""
    before = stored_state(db)
    path = hostile(tmp_path, kind)
    with pytest.raises(ServiceError) as caught:
        import_workbook(db, path)
    message = str(caught.value)
    assert path.name in message and "\n" not in message and message.endswith(".")
    assert untouched(db, before)


def test_cancel_before_saving_writes_nothing(db: Database) -> None:
    """Cancelled once read: SaveCancelled, nothing saved."""
    before = stored_state(db)
    with pytest.raises(SaveCancelled):
        import_workbook(db, TRACKER_SAMPLE, cancelled=lambda: True)
    assert untouched(db, before)


def test_cancel_while_saving_rolls_everything_back(db: Database, tmp_path: Path) -> None:
    """Cancelled after the first priority's actions: the whole import is rolled back."""
    before = stored_state(db)
    calls = iter([False, False, True])
    with pytest.raises(SaveCancelled):
        import_workbook(db, TRACKER_SAMPLE, cancelled=lambda: next(calls, True))
    assert untouched(db, before)


def test_a_failure_half_way_through_saving_leaves_the_database_as_it_was(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database error after actions were written rolls back the plan, actions and source."""
    before = stored_state(db)
    original: Callable[..., None] = plan_writer._PlanWriter._write_measures

    def failing(self: object, *args: object) -> None:
        original(self, *args)
        raise ServiceError("The disk is full.")

    monkeypatch.setattr(plan_writer._PlanWriter, "_write_measures", failing)
    with pytest.raises(ServiceError, match="disk is full"):
        import_workbook(db, PRIORITIES_SAMPLE)
    assert untouched(db, before)


def test_progress_counts_actions_to_the_total(db: Database) -> None:
    """The progress callback ends at (total, total)."""
    seen: list[tuple[int, int]] = []
    import_workbook(db, TRACKER_SAMPLE, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (70, 70)


def test_title_and_map_overrides(db: Database, tmp_path: Path) -> None:
    """--title names the plan; --map corrects a column before anything is saved."""
    path = book(
        tmp_path / "odd.xlsx", {"Plan": [["Action", "Person", "RAG"], ["Relaunch", "Health", "g"]]}
    )
    result = import_workbook(db, path, ["Person=lead"], title=" Ealdham Plan ")
    stored = load_plan_data(db, result.plan_id)
    assert stored.title == "Ealdham Plan"
    action = stored.priorities[0].actions[0]
    assert (action.lead_raw, action.rag) == ("Health", Rag.GREEN)
    with pytest.raises(ServiceError, match="needs a title"):
        import_workbook(db, path, title="  ")


def test_a_corrected_mapping_from_the_preview_is_used(db: Database, tmp_path: Path) -> None:
    """The window's path: preview, move a column, import with that mapping."""
    path = tracker(tmp_path / "t.xlsx", [["1.1", "Neglect", "Relaunch", "Health", None, None, "A"]])
    preview = preview_import(path)
    sheet = preview.mapping.sheets[0].with_field("lead", None)
    result = import_workbook(db, path, preview.mapping.with_sheet(sheet))
    assert load_plan_data(db, result.plan_id).priorities[0].actions[0].leads == []


def test_an_unforeseen_reader_failure_is_still_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug meeting an odd file ends in a sentence naming the file, not a traceback."""

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("x")

    monkeypatch.setattr(importing, "read_workbook", broken)
    with pytest.raises(ServiceError) as caught:
        read_import(tmp_path / "odd.xlsx")
    assert str(caught.value) == (
        "'odd.xlsx' could not be imported: the reader met something it does not understand "
        "(KeyError); nothing was saved."
    )
    assert reader.read_workbook is not broken


def test_sample_plans_load_once(db: Database) -> None:
    """The demo loads each sample, then skips them by title the second time."""
    first = load_sample_plans(db, SAMPLES)
    assert [(s.title, s.loaded, s.actions) for s in first] == [
        ("NSCP BUSINESS PLAN 2025/26", True, 36),
        ("NSCP PRIORITIES ACTION PLAN 2025-26", True, 37),
        ("NSCP Action Tracker 2025-26", True, 70),
    ]
    again = load_sample_plans(db, SAMPLES)
    assert [s.loaded for s in again] == [False, False, False]
    assert len(list_plans(db)) == 3
