"""The sample workbooks built by sample_plans/build_samples.py have the promised shapes."""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

SCRIPT = Path(__file__).resolve().parents[1] / "sample_plans" / "build_samples.py"
PRIORITY_SHEETS = 6
PRIORITIES_HEADER = [
    "Key Priority Area",
    "Impact we aspire to achieve",
    "Action",
    "How will we know if we are making a difference",
    "Lead",
    "RAG",
]


def load_script() -> ModuleType:
    """Import the build script from its file (sample_plans is not a package)."""
    spec = importlib.util.spec_from_file_location("build_samples", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    """The build script as a module."""
    return load_script()


@pytest.fixture(scope="module")
def built(builder: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three workbooks, built once into a temporary folder."""
    paths = builder.build_samples(tmp_path_factory.mktemp("samples"))
    return {path.name: path for path in paths}


def open_book(built: dict[str, Path], name: str) -> Workbook:
    """Open one of the built workbooks in normal (merged-cells aware) mode."""
    return openpyxl.load_workbook(built[name])


def priority_rows(ws: Worksheet) -> list[tuple[object, object, Cell]]:
    """(action, measure, RAG cell) for each row under a priority sheet's header."""
    return [
        (ws.cell(row, 3).value, ws.cell(row, 4).value, ws.cell(row, 6))
        for row in range(4, ws.max_row + 1)
    ]


def rag_kind(action: object, rag: Cell) -> str:
    """Classify a priorities row: measure-only, RAG by text, by fill alone, or unrated."""
    if not action:
        return "measure-only"
    if rag.value:
        return "text"
    if rag.fill.fill_type == "solid":
        return "fill"
    return "unrated"


def test_builds_three_files(built: dict[str, Path]) -> None:
    assert sorted(built) == [
        "northbridge_business_plan_2025.xlsx",
        "northbridge_priorities_2025.xlsx",
        "northbridge_tracker_2025.xlsx",
    ]
    assert all(path.stat().st_size > 0 for path in built.values())


def test_build_is_byte_stable(builder: ModuleType, built: dict[str, Path], tmp_path: Path) -> None:
    again = builder.build_samples(tmp_path)
    assert all(path.read_bytes() == built[path.name].read_bytes() for path in again)


def test_priority_sheets_merge_priority_impact_and_lead(built: dict[str, Path]) -> None:
    wb = open_book(built, "northbridge_priorities_2025.xlsx")
    for ws in wb.worksheets[:PRIORITY_SHEETS]:
        merged = {str(rng) for rng in ws.merged_cells.ranges}
        last = ws.max_row
        assert [c.value for c in ws[3]] == PRIORITIES_HEADER
        assert ws["A1"].value == "NSCP PRIORITIES ACTION PLAN 2025-26"
        assert {"A1:F1", f"A4:A{last}", f"B4:B{last}", f"E4:E{last}"} <= merged


def test_priorities_counts_and_rag_kinds(built: dict[str, Path]) -> None:
    wb = open_book(built, "northbridge_priorities_2025.xlsx")
    kinds: Counter[str] = Counter()
    per_sheet = []
    for ws in wb.worksheets[:PRIORITY_SHEETS]:
        rows = priority_rows(ws)
        per_sheet.append(sum(1 for action, _, _ in rows if action))
        kinds.update(rag_kind(action, rag) for action, _, rag in rows)
    assert per_sheet == [7, 7, 6, 5, 6, 6]
    assert kinds == {"fill": 28, "text": 4, "unrated": 5, "measure-only": 6}


def test_priorities_fill_colour_kinds(built: dict[str, Path]) -> None:
    wb = open_book(built, "northbridge_priorities_2025.xlsx")
    colours = [
        rag.fill.fgColor
        for ws in wb.worksheets[:PRIORITY_SHEETS]
        for _, _, rag in priority_rows(ws)
        if rag.fill.fill_type == "solid"
    ]
    kinds = Counter(colour.type for colour in colours)
    assert kinds == {"rgb": 27, "theme": 2, "indexed": 1}
    rgbs = {colour.rgb for colour in colours if colour.type == "rgb"}
    assert {"FFFF0000", "FFFFC000", "FF00B050", "FF0070C0"} <= rgbs
    assert {"FFFFC7CE", "FFFFEB9C", "FFC6EFCE", "FFBDD7EE"} <= rgbs


def test_champion_names_differ_from_sheet_priorities(built: dict[str, Path]) -> None:
    wb = open_book(built, "northbridge_priorities_2025.xlsx")
    on_sheets = {ws["A4"].value for ws in wb.worksheets[:PRIORITY_SHEETS]}
    champions = wb["Executive Champions"]
    assert [c.value for c in champions[1]] == ["Priority Area", "Executive Champion"]
    names = {row[0] for row in champions.iter_rows(min_row=2, values_only=True)}
    assert len(names) == PRIORITY_SHEETS
    assert not names & on_sheets
    assert "Anti-racist / Anti discriminatory practice" in names
    assert "Anti-Racist /Discriminatory Practice" in on_sheets


def test_priorities_yearly_indicators(built: dict[str, Path]) -> None:
    ws = open_book(built, "northbridge_priorities_2025.xlsx")["Indicators"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 8
    assert sum(1 for row in rows for value in row[3:] if isinstance(value, int | float)) == 32
    assert [row[2] for row in rows].count(None) == 1


def test_business_plan_shape(built: dict[str, Path]) -> None:
    wb = open_book(built, "northbridge_business_plan_2025.xlsx")
    assert wb.sheetnames == ["Business Plan 2025-26", "Annual Report Annex", "Performance"]
    ws = wb.active
    merged = {str(rng) for rng in ws.merged_cells.ranges}
    values = list(ws.iter_rows(values_only=True))
    headings = [i for i, row in enumerate(values, 1) if str(row[0]).startswith("Priority ")]
    headers = [
        i for i, row in enumerate(values, 1) if list(row) == ["Outcome", "Action", "Who", "When"]
    ]
    assert len(headings) == 5
    assert headers == [i + 1 for i in headings]
    assert all(f"A{i}:D{i}" in merged for i in headings)
    assert all(ws.cell(i, 1).font.bold and ws.cell(i, 1).fill.fill_type for i in headings)
    assert not any("RAG" in str(cell) for row in values for cell in row)


def test_business_plan_counts(built: dict[str, Path]) -> None:
    ws = open_book(built, "northbridge_business_plan_2025.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    actions = [row for row in rows if row[1] and row[1] != "Action"]
    outcome_merges = [r for r in ws.merged_cells.ranges if r.min_col == r.max_col == 1]
    text = "\n".join(f"{row[1]}\n{row[3]}" for row in actions)
    assert len(actions) == 36
    assert len(outcome_merges) == 13
    assert len(re.findall(r"Update [A-Z][a-z]+ 2025:", text)) == 8
    assert sum(1 for row in actions if str(row[3]).startswith("Completed")) == 6


def test_business_plan_annex_tells_each_priority_story_without_an_action_column(
    built: dict[str, Path],
) -> None:
    ws = open_book(built, "northbridge_business_plan_2025.xlsx")["Annual Report Annex"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == [
        "Priority", "Period", "What has been done", "Analysis of progress", "Impact of work",
        "Next steps",
    ]  # fmt: skip
    assert len(rows) == 6 and all(all(row) for row in rows)
    assert [row[0] for row in rows[1:3]] == ["Priority 1", "Tackling Peer on Peer Abuse"]


def test_business_plan_performance_has_two_years_and_three_comparators(
    built: dict[str, Path],
) -> None:
    ws = open_book(built, "northbridge_business_plan_2025.xlsx")["Performance"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == [
        "Indicator", "Unit", "2023/24", "2024/25", "Statistical neighbours", "London", "England",
        "Change",
    ]  # fmt: skip
    assert len(rows) == 6
    assert sum(1 for row in rows[1:] for value in row[2:] if isinstance(value, int | float)) == 30


def test_tracker_dates_refs_and_counts(built: dict[str, Path]) -> None:
    ws = open_book(built, "northbridge_tracker_2025.xlsx")["Actions"]
    assert [c.value for c in ws[1]][:3] == ["Ref", "Priority", "Action"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:I71"
    rows = list(ws.iter_rows(min_row=2))
    assert len(rows) == 70
    assert len({row[1].value for row in rows}) == 7
    assert all(isinstance(row[0].value, str) for row in rows)
    assert "1.10" in {row[0].value for row in rows}
    due = [row[4] for row in rows if row[4].value is not None]
    assert len(due) == 68
    assert all(isinstance(c.value, datetime) and c.number_format == "dd/mm/yyyy" for c in due)
    updated = [row[8].value for row in rows if row[8].value is not None]
    assert len(updated) == 62 and all(isinstance(value, datetime) for value in updated)


def test_tracker_formula_looking_text_stays_text(built: dict[str, Path]) -> None:
    ws = open_book(built, "northbridge_tracker_2025.xlsx")["Actions"]
    updates = [row[7] for row in ws.iter_rows(min_row=2)]
    risky = [cell for cell in updates if cell.value and str(cell.value)[0] in "=+-@"]
    assert sorted(str(cell.value)[0] for cell in risky) == ["+", "-", "=", "@"]
    assert all(cell.data_type == "s" for cell in risky)
    with zipfile.ZipFile(built["northbridge_tracker_2025.xlsx"]) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    assert any("<" in str(cell.value) and "&" in str(cell.value) for cell in updates)


def test_tracker_rag_letters_and_indicators(built: dict[str, Path]) -> None:
    wb = open_book(built, "northbridge_tracker_2025.xlsx")
    rags = Counter(row[6] for row in wb["Actions"].iter_rows(min_row=2, values_only=True))
    assert rags == {"G": 19, "A": 18, "B": 16, "R": 5, None: 9, "a": 1, "g": 1, "b": 1}
    indicators = list(wb["Indicators"].iter_rows(min_row=2, values_only=True))
    assert len(indicators) == 6
    assert sum(1 for row in indicators for value in row[5:] if value is not None) == 17
    champions = list(wb["Executive Champions"].iter_rows(min_row=2, values_only=True))
    assert len(champions) == 7
