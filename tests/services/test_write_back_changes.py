"""Writing back into the partnership's own workbook changes only what changed in the app.

Each test imports a sample plan through the real importer, changes it (or not) through the
services a user's clicks call, writes it back through the export service and compares the
two workbooks cell by cell.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font
from sqlmodel import col, select

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.exporting import export_original_layout
from actionplan.services.importing import import_workbook
from actionplan.services.progress import ProgressEntry, current_rating, record_progress
from actionplan.store.database import Database
from actionplan.store.tables import Action
from tests.excel.import_books import fill, tracker
from tests.excel.workbook_diff import colour_key, fill_key, font_key, workbook_diff

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
TRACKER = SAMPLES / "northbridge_tracker_2025.xlsx"
PRIORITIES = SAMPLES / "northbridge_priorities_2025.xlsx"
BUSINESS = SAMPLES / "northbridge_business_plan_2025.xlsx"
AS_OF = date(2025, 12, 20)


def nth_action(db: Database, plan_id: int, index: int) -> int:
    """The id of the plan's action imported in that place (0 for the first row)."""
    with db.reading() as session:
        ids = session.exec(
            select(Action.id).where(Action.plan_id == plan_id).order_by(col(Action.id))
        ).all()
    found = ids[index]
    assert found is not None
    return found


def record(
    db: Database, action_id: int, rag: Rag | None = None, status: Status | None = None, text=""
) -> None:
    """A lead records progress; the RAG or status not given stays as it is."""
    now_rag, now_status = current_rating(db, action_id)
    entry = ProgressEntry(
        action_id, AS_OF, rag or now_rag, status or now_status, text, "Ana", "as agreed"
    )
    record_progress(db, entry)


def written_back(db: Database, tmp_path: Path) -> Path:
    """The plan written back into its own workbook through the export service."""
    return export_original_layout(db, tmp_path / "back.xlsx", as_of=AS_OF).path


def cells_in(diff: list[str]) -> set[str]:
    """The cells named in a diff ("Actions!G3")."""
    return {found[1] for line in diff if (found := re.match(r"(.+?![A-Z]+\d+) ", line))}


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.xlsx")), ids=lambda path: path.stem)
def test_a_plan_nobody_changed_is_written_back_identical_to_its_workbook(
    db: Database, tmp_path: Path, sample: Path
) -> None:
    """Every cell's value, fill, font and number format, merges, widths and sheets are the same."""
    import_workbook(db, sample)
    assert workbook_diff(sample, written_back(db, tmp_path)) == []


def test_one_rag_change_alters_only_that_rag_cell_in_the_workbooks_own_letter_and_fill(
    db: Database, tmp_path: Path
) -> None:
    """Action 1.2 goes from G to amber: its cell says "A" on the tracker's own amber fill."""
    plan_id = import_workbook(db, TRACKER).plan_id
    record(db, nth_action(db, plan_id, 1), rag=Rag.AMBER)
    result = export_original_layout(db, tmp_path / "back.xlsx", as_of=AS_OF)
    back = result.path
    assert cells_in(workbook_diff(TRACKER, back)) == {"Actions!G3"}
    assert result.notes == ("1 cell changed since the import; the rest is as it was.",)
    original, sheet = load_workbook(TRACKER)["Actions"], load_workbook(back)["Actions"]
    assert sheet["G3"].value == "A"
    assert fill_key(sheet["G3"].fill) == fill_key(original["G4"].fill)  # the tracker's amber
    assert font_key(sheet["G3"].font) == font_key(original["G4"].font)


def test_one_status_change_alters_only_that_status_cell(db: Database, tmp_path: Path) -> None:
    """Action 1.8 goes from not started to delayed: one cell, in the tracker's own word."""
    plan_id = import_workbook(db, TRACKER).plan_id
    record(db, nth_action(db, plan_id, 7), status=Status.DELAYED)
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(TRACKER, back)) == {"Actions!F9"}
    assert load_workbook(back)["Actions"]["F9"].value == "Delayed"


def test_one_update_fills_only_its_update_and_date_cells_in_the_workbooks_date_style(
    db: Database, tmp_path: Path
) -> None:
    """Action 1.5 had no update: its update and date cells get them, dated like the others."""
    plan_id = import_workbook(db, TRACKER).plan_id
    record(db, nth_action(db, plan_id, 4), text="Panel met twice in December")
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(TRACKER, back)) == {"Actions!H6", "Actions!I6"}
    sheet = load_workbook(back)["Actions"]
    assert sheet["H6"].value == "Panel met twice in December"
    assert sheet["I6"].value.date() == AS_OF and sheet["I6"].number_format == "dd/mm/yyyy"


def test_a_colour_only_rag_cell_gets_a_colour_only(db: Database, tmp_path: Path) -> None:
    """A red cell with no words turns the workbook's own amber, still with no words."""
    plan_id = import_workbook(db, PRIORITIES).plan_id
    record(db, nth_action(db, plan_id, 0), rag=Rag.AMBER)
    back = written_back(db, tmp_path)
    diff = workbook_diff(PRIORITIES, back)
    assert len(diff) == 1 and diff[0].startswith("Contextual Risk!F4 fill: ")
    sheet = load_workbook(back)["Contextual Risk"]
    assert sheet["F4"].value is None
    assert colour_key(sheet["F4"].fill.fgColor) == ("rgb", "FFFFC000", 0.0)  # as in F5


def test_a_worded_rag_cell_is_rewritten_in_the_words_the_workbook_uses(
    db: Database, tmp_path: Path
) -> None:
    """The "Amber" written in Contextual Risk row 10 becomes the workbook's own "G" for green."""
    plan_id = import_workbook(db, PRIORITIES).plan_id
    record(db, nth_action(db, plan_id, 6), rag=Rag.GREEN)
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(PRIORITIES, back)) == {"Contextual Risk!F10"}
    original = load_workbook(PRIORITIES)["Domestic Abuse"]["F9"]
    cell = load_workbook(back)["Contextual Risk"]["F10"]
    assert cell.value == original.value == "G"
    assert fill_key(cell.fill) == fill_key(original.fill)


def test_a_status_set_in_a_plan_with_no_status_column_adds_that_column_only(
    db: Database, tmp_path: Path
) -> None:
    """The business plan gains a Status column (no RAG, no update column) and wider headings."""
    plan_id = import_workbook(db, BUSINESS).plan_id
    first = nth_action(db, plan_id, 0)
    _rag, status = current_rating(db, first)
    wanted = Status.DELAYED if status is not Status.DELAYED else Status.COMPLETE
    record(db, first, status=wanted)
    back = written_back(db, tmp_path)
    diff = workbook_diff(BUSINESS, back)
    outside = [
        line
        for line in diff
        if not re.match(r"[^!]+!E\d+ |[^!]+ column E width|[^!]+ merged", line)
    ]
    assert outside == []
    sheet = load_workbook(back).active
    assert (sheet["E4"].value, sheet["E5"].value, sheet["F4"].value) == (
        "Status",
        wanted.word,
        None,
    )
    assert sheet["E6"].value is None  # the other actions' statuses were not changed


def own_words_tracker(path: Path) -> Path:
    """A tracker in a partnership's own words: "On track", "Done", "green ", "Complete"."""
    tracker(
        path,
        [
            ("1.1", "Exploitation", "Map hotspots", "Police", "31/03/2026", "On track", "green "),
            (
                "1.2",
                "Exploitation",
                "Train taxi firms",
                "Licensing",
                "31/01/2026",
                "Done",
                "Complete",
            ),
            (
                "1.3",
                "Exploitation",
                "Audit screening",
                "Social care",
                "31/12/2025",
                "Slipped",
                "Amber",
            ),
        ],
    )
    book = load_workbook(path)
    sheet = book["Actions"]
    for cell, (background, ink) in {
        "G2": ("C6EFCE", "FF006100"),
        "G3": ("BDD7EE", "FF1F4E78"),
        "G4": ("FFEB9C", "FF9C5700"),
    }.items():
        fill(sheet, cell, background)
        sheet[cell].font = Font(name="Arial", size=10, color=ink)
    book.save(path)
    return path


def test_a_changed_rag_and_status_take_the_words_and_fill_the_workbook_already_uses(
    db: Database, tmp_path: Path
) -> None:
    """Action 1.1 completed: "Complete" on the workbook's own blue, and its own "Done"."""
    original = own_words_tracker(tmp_path / "ours.xlsx")
    plan_id = import_workbook(db, original).plan_id
    record(db, nth_action(db, plan_id, 0), rag=Rag.BLUE, status=Status.COMPLETE)
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(original, back)) == {"Actions!F2", "Actions!G2"}
    before, after = load_workbook(original)["Actions"], load_workbook(back)["Actions"]
    assert (after["F2"].value, after["G2"].value) == ("Done", "Complete")
    assert fill_key(after["G2"].fill) == fill_key(before["G3"].fill)
    assert font_key(after["G2"].font) == font_key(before["G3"].font)
    assert (after["G3"].value, after["G4"].value) == ("Complete", "Amber")


def test_a_rag_the_workbook_never_used_is_written_in_the_apps_word_and_colour(
    db: Database, tmp_path: Path
) -> None:
    """Nothing was red in this workbook: action 1.3 turns "Red" on the app's red, words kept."""
    original = own_words_tracker(tmp_path / "ours.xlsx")
    plan_id = import_workbook(db, original).plan_id
    record(db, nth_action(db, plan_id, 2), rag=Rag.RED)
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(original, back)) == {"Actions!G4"}
    cell = load_workbook(back)["Actions"]["G4"]
    assert cell.value == "Red" and colour_key(cell.fill.fgColor) == ("rgb", "FFC0392B", 0.0)


def test_an_unchanged_rag_keeps_its_own_spelling_and_trailing_space(
    db: Database, tmp_path: Path
) -> None:
    """Recording an update on 1.1 without changing its RAG leaves "green " exactly as typed."""
    original = own_words_tracker(tmp_path / "ours.xlsx")
    plan_id = import_workbook(db, original).plan_id
    record(db, nth_action(db, plan_id, 0), text="Second hotspot mapped")
    back = written_back(db, tmp_path)
    assert load_workbook(back)["Actions"]["G2"].value == "green "
    assert not any("!G2 " in line for line in workbook_diff(original, back))


def test_an_action_nobody_recorded_progress_on_keeps_its_cells_whatever_is_stored(
    db: Database, tmp_path: Path
) -> None:
    """A plan stored by an older version with another reading of a status is still untouched."""
    plan_id = import_workbook(db, TRACKER).plan_id
    with db.writing() as session:
        action = session.get(Action, nth_action(db, plan_id, 7))
        assert action is not None
        action.status = Status.IN_PROGRESS.value  # the workbook says "Not started"
        session.add(action)
    assert workbook_diff(TRACKER, written_back(db, tmp_path)) == []


def test_words_in_bold_inside_a_cell_keep_their_bold_when_another_cell_changes(
    db: Database, tmp_path: Path
) -> None:
    """An action written with one word in bold still has it after a RAG change elsewhere."""
    original = tmp_path / "bold.xlsx"
    book = load_workbook(TRACKER)
    book["Actions"]["C4"] = CellRichText(
        ["Safer Spaces scheme: sign up ", TextBlock(InlineFont(b=True), "local businesses")]
    )
    book.save(original)
    plan_id = import_workbook(db, original).plan_id
    record(db, nth_action(db, plan_id, 1), rag=Rag.AMBER)
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(original, back)) == {"Actions!G3"}


def test_a_changed_colour_is_taken_from_the_palette_of_its_own_sheet(
    db: Database, tmp_path: Path
) -> None:
    """Mental Health colours in pastels: its pastel red turns its own pastel green."""
    plan_id = import_workbook(db, PRIORITIES).plan_id
    record(db, nth_action(db, plan_id, 7), rag=Rag.GREEN)
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(PRIORITIES, back)) == {"Mental Health!F4"}
    cell = load_workbook(back)["Mental Health"]["F4"]
    assert cell.value is None
    assert colour_key(cell.fill.fgColor) == ("rgb", "FFC6EFCE", 0.0)  # as in F6, not bright green


def test_a_rating_taken_away_clears_the_letter_and_its_colour_only(
    db: Database, tmp_path: Path
) -> None:
    """Action 1.2 no longer rated: its "G" and green go, and nothing else changes."""
    plan_id = import_workbook(db, TRACKER).plan_id
    record(db, nth_action(db, plan_id, 1), rag=Rag.UNRATED)
    back = written_back(db, tmp_path)
    assert cells_in(workbook_diff(TRACKER, back)) == {"Actions!G3"}
    cell = load_workbook(back)["Actions"]["G3"]
    assert cell.value is None and cell.fill.fill_type is None


def test_the_workbooks_own_description_is_kept_when_a_change_is_written(
    db: Database, tmp_path: Path
) -> None:
    """File > Info's description the partnership wrote is not replaced by the app's."""
    original = tmp_path / "described.xlsx"
    book = load_workbook(TRACKER)
    book.properties.description = "Kept by the NSCP business unit; send changes to Ana"
    book.save(original)
    plan_id = import_workbook(db, original).plan_id
    record(db, nth_action(db, plan_id, 1), rag=Rag.AMBER)
    back = load_workbook(written_back(db, tmp_path))
    assert back.properties.description == "Kept by the NSCP business unit; send changes to Ana"
