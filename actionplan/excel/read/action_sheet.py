"""Walking an action sheet row by row: headers, priority headings, merged blocks and actions.

One walk serves every layout: a priority comes from a Priority column (merged down its
block or left blank below its first row), from a heading row ("Priority 2 – ...") with the
header repeated under it, or from the sheet's name when nothing else names one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from actionplan.domain.plan_data import ActionData, MeasureData, NarrativeData, PriorityData
from actionplan.excel.read.action_cells import ActionParser, RowCells
from actionplan.excel.read.cell_values import (
    cell_text,
    is_blank,
    one_line,
    split_numbering,
)
from actionplan.excel.read.column_mapping import SheetMapping
from actionplan.excel.read.grid import CellValue, Grid
from actionplan.excel.read.headers import RepeatedHeader
from actionplan.excel.read.import_report import SheetReport
from actionplan.excel.read.plan_builder import (
    PlanBuilder,
    is_priority_heading,
    priority_key,
    split_priority_title,
)
from actionplan.excel.read.synonyms import STORY_FIELDS

# Fields whose cell, merged down a block, applies to every row of the block.
_BLOCK_FIELDS = frozenset(
    {"priority", "aim", "outcome", "how_we_know", "lead", "agency", "email", "timescale"}
    | {"due_date"}
    | {"status", "rag", "update", "update_date"}
    | set(STORY_FIELDS)
)
_ROW_FIELDS = ("lead", "agency", "email", "timescale", "due_date", "status", "rag", "update", "ref")


@dataclass
class PendingFill:
    """An action whose RAG cell has no text: its fill colour is read afterwards."""

    action: ActionData
    row: int  # 1-based, the merged block's top row when the cell is merged
    column: int  # 1-based


@dataclass
class SheetOutcome:
    """What walking one sheet found beyond the plan itself."""

    header_rows: list[int]
    titles: list[str] = field(default_factory=list)
    headings: int = 0
    carried_priority: bool = False
    pending: list[PendingFill] = field(default_factory=list)


class _Merges:
    """Vertical merged ranges by column, to find the block a blank cell sits in."""

    def __init__(self, grid: Grid, columns: Sequence[int]) -> None:
        wanted = set(columns)
        self.by_column: dict[int, list[tuple[int, int, int, int]]] = {}
        self.wide: set[tuple[int, int]] = set()
        for merge in grid.merges:
            if merge.last_col > merge.first_col:
                self.wide.add((merge.first_row, merge.first_col))
            if merge.last_row <= merge.first_row:
                continue
            for col in range(merge.first_col, merge.last_col + 1):
                if col in wanted:
                    block = (merge.first_row, merge.last_row, merge.first_row, merge.first_col)
                    self.by_column.setdefault(col, []).append(block)
        self.starts = {col: [b[0] for b in sorted(v)] for col, v in self.by_column.items()}
        for blocks in self.by_column.values():
            blocks.sort()

    def top_of(self, row: int, col: int) -> tuple[int, int] | None:
        """The top-left cell of the vertical merge holding (row, col), or None."""
        blocks = self.by_column.get(col)
        if not blocks:
            return None
        index = bisect.bisect_right(self.starts[col], row) - 1
        if index >= 0 and blocks[index][0] < row <= blocks[index][1]:
            return blocks[index][2], blocks[index][3]
        return None


class ActionSheet:
    """Reads one action sheet into the plan being built."""

    def __init__(
        self,
        grid: Grid,
        mapping: SheetMapping,
        builder: PlanBuilder,
        report: SheetReport,
    ) -> None:
        self.grid = grid
        self.builder = builder
        self.report = report
        self.columns = {name: column - 1 for name, column in mapping.columns.items()}
        self.header = mapping.header_row - 1
        self.repeated = RepeatedHeader(mapping)
        self.merges = _Merges(grid, list(self.columns.values()))
        self.parser = ActionParser(report, "ref" in self.columns)
        self.outcome = SheetOutcome([mapping.header_row])
        self.current: PriorityData | None = None
        self.current_outcome = ""
        self.last_priority_text = ""
        self.touched: set[int] = set()

    def read(self) -> SheetOutcome:
        """Walk every row under the header; returns header rows, titles and pending fills."""
        self._before_header()
        rows = self.grid.rows
        for index in range(self.header + 1, len(rows)):
            cells = rows[index]
            filled = filled_count(cells)
            if not filled:
                continue
            if self.repeated.matches(cells):
                self.outcome.header_rows.append(index + 1)
            elif filled == 1 and (heading := self._heading(index, cells)) is not None:
                self._start_priority(heading, index + 1, counted=True)
            else:
                self._data_row(index, cells)
        self.report.counts["priorities"] = len(self.touched)
        self._warn_undated()
        return self.outcome

    def _warn_undated(self) -> None:
        rows = self.parser.undated_rows
        if rows:
            self.report.warn(
                None,
                f"{len(rows)} updates have no date (rows {row_ranges(rows)}); each is kept "
                'undated and shown as "date not given".',
            )

    def _before_header(self) -> None:
        rows = [(n, _row_text(cells)) for n, cells in enumerate(self.grid.rows[: self.header], 1)]
        rows = [(number, text) for number, text in rows if text]
        if rows and is_priority_heading(rows[-1][1]):
            number, text = rows.pop()
            self._start_priority(text, number, counted=True)
        self.outcome.titles = [text for _, text in rows]

    def _heading(self, index: int, cells: Sequence[CellValue]) -> str | None:
        filled = [(col, value) for col, value in enumerate(cells) if not is_blank(value)]
        if len(filled) != 1:
            return None
        col, text = filled[0]
        if not isinstance(text, str):
            return None
        if is_priority_heading(text):
            return text
        # Otherwise only a cell at the table's left edge can head a block: merged across the
        # table, or with the header repeated under it.
        if col > min(self.columns.values(), default=0):
            return None
        if (index, col) in self.merges.wide:
            return text
        if col != self.columns.get("action") and self._header_follows(index):
            return text
        return None

    def _header_follows(self, index: int) -> bool:
        for cells in self.grid.rows[index + 1 :]:
            if filled_count(cells):
                return self.repeated.matches(cells)
        return False

    def _start_priority(self, text: str, row: int, counted: bool = False) -> PriorityData:
        self.current = self.builder.priority(text, (self.grid.name, row))
        number, _ = split_priority_title(text)
        if number:
            self.builder.set_number(self.current, number)
        self.current_outcome = ""
        self.last_priority_text = ""
        self.outcome.headings += counted
        return self.current

    def _priority(self, row: int) -> PriorityData:
        if self.current is None:
            self._start_priority(self.grid.name, row)
        assert self.current is not None
        self.touched.add(id(self.current))
        return self.current

    def _row_cells(self, index: int, cells: Sequence[CellValue]) -> RowCells:
        values: dict[str, CellValue] = {}
        own: set[str] = set()
        for name, col in self.columns.items():
            value = cells[col] if col < len(cells) else None
            if not is_blank(value):
                own.add(name)
            elif name in _BLOCK_FIELDS and (top := self.merges.top_of(index, col)):
                value = self.grid.value(*top)
            values[name] = value
        return RowCells(index + 1, values, own)

    def _data_row(self, index: int, cells: Sequence[CellValue]) -> None:
        row = self._row_cells(index, cells)
        self._levels(row)
        if row.has("action"):
            self._action(row)
        elif "how_we_know" in row.own:
            self._measure_only(row)
        elif skipped := [name for name in _ROW_FIELDS if name in row.own]:
            what = ", ".join(f"{name} '{one_line(row.text(name))[:40]}'" for name in skipped[:2])
            self.report.warn(row.number, f"no action text, so the row was skipped ({what}).")

    def _levels(self, row: RowCells) -> None:
        if "priority" in self.columns:
            text = row.text("priority")
            if not text or "priority" not in row.own:
                self.outcome.carried_priority = True
            if text and text != self.last_priority_text:
                if self.current is None or priority_key(
                    split_priority_title(text)[1]
                ) != priority_key(self.current.title):
                    self._start_priority(text, row.number)
                self.last_priority_text = text
        if row.has("aim"):
            _add_aim(self._priority(row.number), row.text("aim"))
        if row.has("outcome"):
            self.current_outcome = row.text("outcome")
            # Kept even when no action follows it yet: the partnership wrote it.
            outcomes = self._priority(row.number).outcomes
            if self.current_outcome not in outcomes:
                outcomes.append(self.current_outcome)
        for name in STORY_FIELDS:
            if row.has(name):
                _add_story(self._priority(row.number), name, row.text(name))

    def _action(self, row: RowCells) -> None:
        priority = self._priority(row.number)
        parsed = self.parser.parse(row, self.current_outcome)
        self.builder.add_action(
            priority, parsed.action, (self.grid.name, row.number), parsed.numbering
        )
        self.report.counts["actions"] += 1
        self.report.counts["updates"] += len(parsed.action.updates)
        if parsed.rag_blank:
            col = self.columns["rag"]
            top = self.merges.top_of(row.number - 1, col) or (row.number - 1, col)
            self.outcome.pending.append(PendingFill(parsed.action, top[0] + 1, top[1] + 1))

    def _measure_only(self, row: RowCells) -> None:
        _, name = split_numbering(row.text("how_we_know"))
        self.builder.add_measure(self._priority(row.number), MeasureData(name=name))
        self.report.counts["measures"] += 1


def row_ranges(rows: Sequence[int]) -> str:
    """Row numbers written short: "2-5, 9, 12-14"."""
    spans: list[list[int]] = []
    for row in rows:
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def filled_count(cells: Sequence[CellValue]) -> int:
    """How many cells of a row hold something (cells of only spaces do not count)."""
    rough = len(cells) - cells.count("") - cells.count(None)
    if rough > 2:
        return rough  # plainly a full row; spaces-only cells only matter for near-empty rows
    return sum(not is_blank(value) for value in cells)


def _row_text(cells: Sequence[CellValue]) -> str:
    return " ".join(one_line(cell_text(value)) for value in cells if not is_blank(value))


def _add_aim(priority: PriorityData, aim: str) -> None:
    if not priority.aim:
        priority.aim = aim
    elif aim not in priority.aim:
        priority.aim = f"{priority.aim}\n{aim}"


def _add_story(priority: PriorityData, name: str, text: str) -> None:
    # Narrative columns tell the priority's story: a cell merged down the block is read once,
    # and each different cell of the block is kept, so no words are lost.
    if not priority.narratives:
        priority.narratives.append(NarrativeData())
    story = priority.narratives[0]
    told = getattr(story, name)
    if text not in told:
        words = f"{told}\n\n{text}" if told else text
        told_now: dict[str, Any] = {name: words}  # one of the story's words fields
        priority.narratives[0] = replace(story, **told_now)
