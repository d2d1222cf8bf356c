"""The import preview as grids: columns with their fields, corrections, and the counts line."""

from __future__ import annotations

from pathlib import Path

from actionplan.services.import_sheets import counts_text, preview_sheets, with_column_field
from actionplan.services.importing import preview_import
from tests.excel.import_books import tracker

ROW = ["1.1", "Neglect", "Train staff", "Police", "2026-03-31", "In progress", "G"]


def test_one_action_reads_one_action_in_one_priority(tmp_path: Path) -> None:
    """The counts line says "1 action in 1 priority", never "1 actions"."""
    preview = preview_import(tracker(tmp_path / "one.xlsx", [ROW]))
    assert counts_text(preview.report) == "1 action in 1 priority"
    two = preview_import(tracker(tmp_path / "two.xlsx", [ROW, ["1.2", *ROW[1:]]]))
    assert counts_text(two.report) == "2 actions in 1 priority"


def test_a_column_read_as_another_field_takes_it_from_the_column_that_had_it(
    tmp_path: Path,
) -> None:
    """Reading the Status column as the Lead leaves the old Lead column not imported."""
    path = tracker(tmp_path / "plan.xlsx", [ROW])
    preview = preview_import(path)
    [sheet] = preview_sheets(preview)
    assert [c.label for c in sheet.columns][3:6] == ["Lead", "Due date", "Status"]
    assert sheet.rows == ((2, tuple(ROW)),)
    corrected = preview_import(path, with_column_field(preview.mapping, "Actions", 6, "lead"))
    [sheet] = preview_sheets(corrected)
    assert [c.label for c in sheet.columns][3:6] == ["Not imported", "Due date", "Lead"]
    assert [lead.name for lead in corrected.plan.priorities[0].actions[0].leads] == ["In progress"]
