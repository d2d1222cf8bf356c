"""Reading a partnership's own workbook (or CSV) into a plan, with a report of what was found.

``read_workbook`` is the one entry: it checks the file (opening/safety.py), reads values and merged
ranges with python-calamine (grid.py), finds and maps the headers (headers.py), walks each
action sheet (action_sheet.py), reads fill colours only for RAG cells with no text
(fills.py), matches executive champions and reads indicators. Nothing is written anywhere.

openpyxl's normal mode (the slowest) is never needed: python-calamine gives the values and
merged ranges, and openpyxl's read_only mode the few fills. A tracker whose RAG cells all
hold letters is read by python-calamine alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from actionplan.domain.plan_data import PlanData, PriorityData
from actionplan.excel.errors import WorkbookError, quoted
from actionplan.excel.opening.safety import SourceBook, open_source
from actionplan.excel.read.action_sheet import ActionSheet, SheetOutcome
from actionplan.excel.read.champions import ChampionRow, assign_champions, champion_rows
from actionplan.excel.read.column_mapping import (
    ColumnMapping,
    SheetMapping,
    mapping_json,
    parse_overrides,
)
from actionplan.excel.read.grid import Grid, load_grids
from actionplan.excel.read.import_report import ImportReport, SheetReport
from actionplan.excel.read.indicators import read_indicators
from actionplan.excel.read.narratives import attach_narratives, narrative_rows
from actionplan.excel.read.plan_builder import PlanBuilder, priority_key
from actionplan.excel.read.plan_evidence import not_a_plan, shows_a_plan
from actionplan.excel.read.plan_title import (
    PlanHeading,
    SavedProperties,
    choose_title,
    plan_heading,
    saved_properties,
)
from actionplan.excel.read.rag_fills import apply_fill_rags
from actionplan.excel.read.sheet_roles import (
    check_given_mapping,
    check_overrides_used,
    guess_mapping,
)
from actionplan.excel.read.sheet_sample import SheetSample, sample_sheets
from actionplan.excel.read.unused_columns import unused_columns

Overrides = ColumnMapping | Sequence[str] | None


@dataclass(frozen=True)
class ReadResult:
    """A plan read from a file, the report to show, the mapping used and the layout seen."""

    plan: PlanData
    report: ImportReport
    mapping: ColumnMapping
    layout: str  # "priorities", "business", "tracker" or "csv"
    action_rows: tuple[tuple[str, int], ...] = ()  # (sheet, row) of each action, PlanData order
    header_rows: dict[str, list[int]] = field(default_factory=dict)
    content: bytes = b""  # the file exactly as read, to keep with the plan
    samples: tuple[SheetSample, ...] = ()  # each used sheet's first rows, for the preview

    def mapping_json(self) -> str:
        """The mapping as kept with the plan, for writing back into the same layout."""
        return mapping_json(self.layout, self.mapping, self.header_rows, self.action_rows)


def read_workbook(path: Path, overrides: Overrides = None) -> ReadResult:
    """Read a workbook or CSV; raises WorkbookError (one sentence) when it holds no plan."""
    book = open_source(path)
    return read_source(book, overrides)


def read_source(book: SourceBook, overrides: Overrides) -> ReadResult:
    """Read an already checked file (see read_workbook)."""
    grids = load_grids(book)
    reports = {grid.name: SheetReport(grid.name) for grid in grids}
    mapping = _mapping(grids, book, overrides, reports)
    return _Reading(book, grids, mapping, reports).run()


def _mapping(
    grids: list[Grid], book: SourceBook, overrides: Overrides, reports: dict[str, SheetReport]
) -> ColumnMapping:
    if isinstance(overrides, ColumnMapping):
        check_given_mapping(grids, overrides, book.name)
        return overrides
    by_heading = parse_overrides(overrides or ())
    check_overrides_used(grids, by_heading, book.name)
    return guess_mapping(grids, by_heading, reports)


class _Reading:
    """One read of one file with a fixed mapping."""

    def __init__(
        self,
        book: SourceBook,
        grids: list[Grid],
        mapping: ColumnMapping,
        reports: dict[str, SheetReport],
    ) -> None:
        self.book = book
        self.grids = {grid.name: grid for grid in grids}
        self.mapping = mapping
        self.reports = reports
        self.builder = PlanBuilder()
        self.report = ImportReport(book.name, sheets=list(reports.values()))
        self.saved = saved_properties(book.content) if book.kind == "xlsx" else SavedProperties()

    def run(self) -> ReadResult:
        """Walk the action sheets, then colours, champions and indicators; build the result."""
        outcomes = self._action_sheets()
        priorities = self.builder.finish()
        for title, sheet, row in self.builder.dropped:
            self.reports[sheet].warn(
                row, f"{quoted(title)} has no actions under it, so it is not a priority."
            )
        if not priorities or not any(p.actions for p in priorities):
            raise WorkbookError(_no_plan(self.book.name, outcomes))
        if not shows_a_plan(self.mapping, self.grids, outcomes, priorities):
            raise WorkbookError(not_a_plan(self.book.name, self.mapping, self.book.kind == "csv"))
        pending = {name: outcome.pending for name, outcome in outcomes.items()}
        apply_fill_rags(self.book, pending, self.report)
        plan = self._plan(priorities, outcomes)
        self._champions(plan)
        self._narratives(plan)
        self._indicators(plan)
        layout = recognise_layout(self.book, outcomes)
        self.report.layout, self.report.title = layout, plan.title
        self.report.count_plan(plan)
        headers = {name: outcome.header_rows for name, outcome in outcomes.items()}
        rows = tuple(self.builder.action_rows())
        samples = sample_sheets(self.grids.values(), self.mapping)
        return ReadResult(
            plan, self.report, self.mapping, layout, rows, headers, self.book.content, samples
        )

    def _action_sheets(self) -> dict[str, SheetOutcome]:
        outcomes = {}
        for sheet in self.mapping.sheets:
            report = self.reports[sheet.sheet]
            report.role, report.mapping = sheet.role, sheet.lines()
            report.unused = unused_columns(self.grids[sheet.sheet], sheet)
            if sheet.role == "actions":
                walker = ActionSheet(self.grids[sheet.sheet], sheet, self.builder, report)
                outcomes[sheet.sheet] = walker.read()
                report.header_rows = outcomes[sheet.sheet].header_rows
            else:
                report.header_rows = [sheet.header_row]
        return outcomes

    def _plan(self, priorities: list[PriorityData], outcomes: dict[str, SheetOutcome]) -> PlanData:
        titles = [title for outcome in outcomes.values() for title in outcome.titles[:1]]
        heading = plan_heading(choose_title(titles, self.book.path.stem, self.saved.title))
        if not heading.period_raw:
            heading = _period_from_sheets(heading, list(outcomes))
        return PlanData(
            title=heading.title,
            partnership=heading.partnership,
            period_start=heading.period_start,
            period_end=heading.period_end,
            period_raw=heading.period_raw,
            priorities=priorities,
        )

    def _champions(self, plan: PlanData) -> None:
        for sheet in self._sheets("champions"):
            rows: list[ChampionRow] = champion_rows(self.grids[sheet.sheet], sheet)
            report = self.reports[sheet.sheet]
            assign_champions(rows, plan.priorities, self.builder.aliases(), report)

    def _narratives(self, plan: PlanData) -> None:
        for sheet in self._sheets("narrative"):
            rows = narrative_rows(self.grids[sheet.sheet], sheet)
            report = self.reports[sheet.sheet]
            attach_narratives(rows, plan.priorities, self.builder.aliases(), report)

    def _indicators(self, plan: PlanData) -> None:
        by_key = {priority_key(p.title): p for p in plan.priorities}
        for sheet in self._sheets("indicators"):
            report = self.reports[sheet.sheet]
            for measure, priority in read_indicators(self.grids[sheet.sheet], sheet, report):
                owner = by_key.get(priority_key(priority)) if priority else None
                (owner.measures if owner else plan.measures).append(measure)

    def _sheets(self, role: str) -> list[SheetMapping]:
        return [sheet for sheet in self.mapping.sheets if sheet.role == role]


def _period_from_sheets(heading: PlanHeading, sheets: list[str]) -> PlanHeading:
    """A title naming no years takes the period a sheet's name gives ("2024-25")."""
    for name in sheets:
        named = plan_heading(name)
        if named.period_start is not None:
            return replace(
                heading,
                period_raw=named.period_raw,
                period_start=named.period_start,
                period_end=named.period_end,
            )
    return heading


def recognise_layout(book: SourceBook, outcomes: dict[str, SheetOutcome]) -> str:
    """Which of the field's layouts the file follows (DESIGN.md, "Excel layouts")."""
    if book.kind == "csv":
        return "csv"
    if any(outcome.headings for outcome in outcomes.values()):
        return "business"
    if len(outcomes) > 1 or any(outcome.carried_priority for outcome in outcomes.values()):
        return "priorities"
    return "tracker"


def _no_plan(name: str, outcomes: dict[str, SheetOutcome]) -> str:
    if outcomes:
        sheets = ", ".join(quoted(sheet) for sheet in outcomes)
        return f"{quoted(name)} has action headings on {sheets} but no actions under them."
    return (
        f"{quoted(name)} holds no action plan: no sheet has a row of headings with an Action "
        "column (such as 'Action' or 'What we will do')."
    )
