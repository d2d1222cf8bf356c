"""Random workbooks (odd headers, blanks, merges, fills) never crash the importer.

Each one gives either a plan that saves, or one clear sentence; never any other exception.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from actionplan.excel.errors import WorkbookError
from actionplan.excel.read.reader import read_workbook
from actionplan.services.plan_store import save_plan_data
from actionplan.store.database import Database

HEADINGS = (
    "Action", "Actions", "What we will do", "Who", "Lead officer", "Responsible", "When",
    "By when", "Target date", "Timescale", "RAG", "Status", "Priority", "Key Priority Area",
    "Outcome", "Impact we aspire to achieve", "How will we know", "Success measure", "Ref",
    "Latest update", "Date of update", "Notes", "Budget", "", "Executive Champion", "Indicator",
    "2023-24", "Q1 2025/26",
)  # fmt: skip
WORDS = (
    "Relaunch the toolkit", "Priority 2 – Neglect", "1. Engage schools", "2.Review", "G", "amber",
    "Purple", "Completed June 2025", "Update August 2025: 32 schools", "=HYPERLINK(\"x\")",
    "+44 20 7946 0321", "@SUM(A1)", "-", "Police/ Education Leads", "Ongoing", "Q3 2025/26",
    "n/a", "  ", "Ż", "Nguyễn Thị Lan", "<b>&amp;</b>",
)  # fmt: skip
cells = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.sampled_from(HEADINGS),
    st.text(max_size=20),
    st.integers(-5, 50_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(date(1990, 1, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1)),
    st.booleans(),
)
header_rows = st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=7)
positions = (st.integers(1, 14), st.integers(1, 7))
merges = st.lists(st.tuples(*positions, st.integers(0, 3), st.integers(0, 2)))
fills = st.lists(st.tuples(*positions, st.sampled_from(["FFFF0000", "FF00B050", "FFFFFFFF"])))
sheets = st.tuples(
    st.integers(0, 3),  # rows above the header
    header_rows,
    st.lists(st.lists(cells, max_size=7), max_size=10),
    merges,
    fills,
)


def _clean(value: object) -> object:
    """openpyxl refuses control characters in text; a workbook cannot hold them anyway."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
    return value


def build(path: Path, specs: list[tuple]) -> Path:  # type: ignore[type-arg]
    """Write the generated sheets, merges (non-overlapping) and fills."""
    wb = Workbook()
    wb.remove(wb.active)
    for number, (above, header, rows, merges, fills) in enumerate(specs):
        ws = wb.create_sheet(f"Sheet {number + 1}")
        for column, heading in enumerate(header, start=1):
            ws.cell(above + 1, column, heading or None)
        for row_number, values in enumerate(rows, start=above + 2):
            for column, value in enumerate(values, start=1):
                ws.cell(row_number, column, _clean(value))
        taken: set[tuple[int, int]] = set()
        for row, column, down, across in merges:
            block = {
                (r, c)
                for r in range(row, row + down + 1)
                for c in range(column, column + across + 1)
            }
            if (down or across) and not block & taken:
                taken |= block
                ws.merge_cells(
                    start_row=row,
                    start_column=column,
                    end_row=row + down,
                    end_column=column + across,
                )
        for row, column, colour in fills:
            ws.cell(row, column).fill = PatternFill("solid", fgColor=colour)
    wb.save(path)
    return path


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sheets, min_size=1, max_size=2))
def test_random_workbooks_give_a_plan_or_one_clear_sentence(specs: list[tuple]) -> None:  # type: ignore[type-arg]
    """A plan that saves whole, or a WorkbookError of one line naming the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder) / "random.xlsx", specs)
        try:
            result = read_workbook(path)
        except WorkbookError as exc:
            message = str(exc)
            assert "\n" not in message and "random.xlsx" in message
            return
        assert result.plan.action_count >= 1
        assert len(result.action_rows) == result.plan.action_count
        result.report.lines()
        db = Database.open(Path(folder) / "plan.db")
        try:
            save_plan_data(db, result.plan)
        finally:
            db.close()
