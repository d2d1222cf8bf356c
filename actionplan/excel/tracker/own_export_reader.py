"""Reading the app's own tracker export back into exactly the plan it was written from.

The export is recognised by its very hidden marker sheet; any other workbook goes to the
ordinary importer, which reads partnerships' own layouts.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from actionplan.domain.plan_data import (
    ActionData,
    MeasureData,
    NarrativeData,
    PlanData,
    PriorityData,
)
from actionplan.domain.update_dates import oldest_first
from actionplan.excel.cell_safety import cell_text
from actionplan.excel.errors import WorkbookError, quoted
from actionplan.excel.tracker.own_export_rows import (
    Row,
    locate,
    read_action,
    read_measure,
    read_update,
)
from actionplan.excel.tracker.schema import (
    ACTION_COLUMNS,
    ACTIONS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MARKER_SHEET,
    MEASURE_HEAD,
    MEASURE_TAIL,
    MEASURES,
    NUMBER,
    PERIOD_WIDTH,
    PRIORITIES,
    PRIORITY_COLUMNS,
    SUMMARY,
    SUMMARY_LABELS,
    UPDATE_COLUMNS,
    UPDATES,
    Column,
    outcomes_text,
)

Source = Path | bytes
_MOST_XML = 2_000_000  # a workbook.xml lists sheets: never read a bomb whole
_MARKER_IN_WORKBOOK = re.compile(rb'name="' + MARKER_SHEET.encode() + rb'"')


def is_own_export(source: Source) -> bool:
    """True when the file is a tracker this app exported (it carries the marker sheet)."""
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as book:
            with book.open("xl/workbook.xml") as part:
                return bool(_MARKER_IN_WORKBOOK.search(part.read(_MOST_XML)))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False


@dataclass(frozen=True)
class OwnExport:
    """An export read back: the plan, each action's row (plan order) and the Actions columns."""

    plan: PlanData
    action_rows: list[int]
    action_columns: dict[str, int]  # column key (see ACTION_COLUMNS) -> 1-based column


def read_own_export(source: Source, name: str = "") -> PlanData:
    """The plan an export holds, field for field; WorkbookError with one sentence when it cannot."""
    return read_own_export_detail(source, name).plan


def read_own_export_detail(source: Source, name: str = "") -> OwnExport:
    """The plan an export holds, with where each action was found (for writing back into it)."""
    label = quoted(name or (source.name if isinstance(source, Path) else "the workbook"))
    try:
        book = load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source,
                             read_only=True, data_only=True)  # fmt: skip
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise WorkbookError(f"{label} could not be opened as a workbook ({exc}).") from None
    try:
        reader = _Reader(book, label)
        plan = reader.plan()
        rows = [reader.rows[id(a)] for p in plan.priorities for a in p.actions]
        return OwnExport(plan, rows, {k: i + 1 for k, i in reader.wheres[ACTIONS].items()})
    finally:
        book.close()


class _Reader:
    """Reads each sheet of one export in turn and assembles the plan."""

    def __init__(self, book: Any, label: str) -> None:
        self.book, self.label = book, label
        self.marker = self._marker()
        self.headers: dict[str, list[str]] = {}
        self.wheres: dict[str, dict[str, int]] = {}
        self.rows: dict[int, int] = {}  # id of each action read -> its row on the Actions sheet
        self.actions: dict[int, ActionData] = {}
        self.priorities: list[PriorityData] = []

    def _sheet_rows(self, name: str) -> list[tuple[Any, ...]]:
        if name not in self.book.sheetnames:
            raise WorkbookError(f"{self.label} has no {name} sheet, so it cannot be read back.")
        sheet = self.book[name]
        sheet.reset_dimensions()
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]

    def _marker(self) -> list[list[str]]:
        rows = [[cell_text(v) for v in row] for row in self._sheet_rows(MARKER_SHEET) if row]
        if _first(rows, "format") != FORMAT_NAME:
            raise WorkbookError(f"{self.label} is not a tracker exported by actionplan.")
        version = _first(rows, "version")
        if not version.isdigit() or int(version) > FORMAT_VERSION:
            raise WorkbookError(
                f"{self.label} was exported by a newer version of actionplan: "
                "update the app to read it."
            )
        return rows

    def _rows(self, name: str, columns: list[Column]) -> Iterator[Row]:
        rows = self._sheet_rows(name)
        self.headers[name] = [cell_text(value) for value in rows[0]] if rows else []
        where = self.wheres[name] = locate(rows[0] if rows else (), columns)
        for number, values in enumerate(rows[1:], 2):
            row = Row(values, where, name, number)
            if not row.blank:
                yield row

    def plan(self) -> PlanData:
        plan = self._summary()
        self.priorities = plan.priorities = self._priorities()
        self._actions()
        self._updates()
        self._measures(plan)
        return plan

    def _summary(self) -> PlanData:
        rows = self._sheet_rows(SUMMARY)
        values: dict[str, Any] = {}
        for line in rows[1 : len(SUMMARY_LABELS) + 1]:
            if line:
                values.setdefault(cell_text(line[0]), line[1] if len(line) > 1 else None)
        facts = {key: values.get(label) for key, label in SUMMARY_LABELS.items()}
        row = Row(
            [facts[key] for key in SUMMARY_LABELS],
            {k: i for i, k in enumerate(SUMMARY_LABELS)},
            SUMMARY,
            0,
        )
        return PlanData(
            title=cell_text(rows[0][0]) if rows and rows[0] else "",
            partnership=row.text("partnership"),
            period_start=row.date("period_start"),
            period_end=row.date("period_end"),
            period_raw=row.text("period_raw"),
            prepared_by=row.text("prepared_by"),
            marking=row.text("marking"),
        )

    def _priorities(self) -> list[PriorityData]:
        found: dict[object, PriorityData] = {}
        last: PriorityData | None = None
        for row in self._rows(PRIORITIES, list(PRIORITY_COLUMNS)):
            extra = row.extra()
            key = extra.get("p", ("new", row.number))
            same_as_last = "p" not in extra and last is not None and last.title == row.text("title")
            priority = last if same_as_last else found.get(key)
            if priority is None:
                priority = found[key] = _priority(row, extra)
            if extra.get("n") is not None or (not extra and _has_narrative(row)):
                priority.narratives.append(_narrative(row))
            last = priority
        return list(found.values())

    def _actions(self) -> None:
        keyed = dict(enumerate(self.priorities))
        for row in self._rows(ACTIONS, _columns(self.marker, ACTIONS, ACTION_COLUMNS)):
            action = read_action(row)
            priority = keyed.get(row.extra().get("p", -1)) or self._priority_named(
                row.text("priority")
            )
            priority.actions.append(action)
            self.rows[id(action)] = row.number
            if action.outcome and action.outcome not in priority.outcomes:
                priority.outcomes.append(action.outcome)
            key = row.key("key")
            if key is not None:
                self.actions.setdefault(key, action)

    def _priority_named(self, title: str) -> PriorityData:
        for priority in self.priorities:
            if priority.title == title:
                return priority
        self.priorities.append(PriorityData(title=title or "Unnamed priority"))
        return self.priorities[-1]

    def _updates(self) -> None:
        by_ref: dict[str, ActionData] = {}
        for action in reversed(list(self.actions.values())):
            by_ref[action.ref] = action
        for row in self._rows(UPDATES, _columns(self.marker, UPDATES, UPDATE_COLUMNS)):
            key = row.key("key")
            owner = self.actions.get(key) if key is not None else None
            owner = owner or by_ref.get(row.text("ref"))
            if owner is None:
                raise WorkbookError(
                    f"Row {row.number} of the {UPDATES} sheet of {self.label} belongs to no "
                    f"action on the {ACTIONS} sheet."
                )
            owner.updates.append(read_update(row))
        for action in self.actions.values():
            action.updates.sort(key=lambda update: oldest_first(update.update_date))

    def _measures(self, plan: PlanData) -> None:
        labels = next((row[1:] for row in self.marker if row[0] == "periods"), [])
        periods = [Column("period", label, PERIOD_WIDTH, NUMBER) for label in labels]
        columns = [*MEASURE_HEAD, *periods, *MEASURE_TAIL]
        spots: list[tuple[int, str]] | None = None
        for row in self._rows(MEASURES, columns):
            if spots is None:
                spots = _period_spots(self.headers[MEASURES], columns, labels)
            self._owner_of(plan, row.extra().get("o")).append(read_measure(row, spots))

    def _owner_of(self, plan: PlanData, owner: Any) -> list[MeasureData]:
        kind, key = [*owner, None, None][:2] if isinstance(owner, list) else (None, None)
        if kind == "action" and key in self.actions:
            return self.actions[key].measures
        if kind == "priority" and isinstance(key, int) and 0 <= key < len(self.priorities):
            return self.priorities[key].measures
        return plan.measures


def _first(rows: list[list[str]], key: str) -> str:
    """The first value of the marker row named ``key`` ("" when there is none)."""
    return next((row[1] for row in rows if row[0] == key and len(row) > 1), "")


def _period_spots(
    header: list[str], columns: list[Column], labels: list[str]
) -> list[tuple[int, str]]:
    """Where each period's column is: as written, or found by its heading if columns moved."""
    if header[: len(columns)] == [column.header for column in columns]:
        return [(len(MEASURE_HEAD) + i, label) for i, label in enumerate(labels)]
    fixed = {header.index(c.header) for c in (*MEASURE_HEAD, *MEASURE_TAIL) if c.header in header}
    free = [i for i in range(len(header)) if i not in fixed]
    return [(i, header[i]) for i in free if header[i] in labels]


def _columns(marker: list[list[str]], sheet: str, known: tuple[Column, ...]) -> list[Column]:
    """The columns as the marker records them (an older export may have fewer)."""
    keys = next((row[2:] for row in marker if row[:2] == ["columns", sheet]), None)
    by_key = {column.key: column for column in known}
    return [by_key[key] for key in keys if key in by_key] if keys else list(known)


def _priority(row: Row, extra: dict[str, Any]) -> PriorityData:
    outcomes = extra.get("o")
    kept = [str(title) for title in outcomes] if isinstance(outcomes, list) else []
    shown = row.text("outcomes")
    return PriorityData(
        title=row.text("title"),
        number=row.text("number"),
        aim=row.text("aim"),
        champion=row.text("champion"),
        outcomes=kept
        if shown == outcomes_text(kept)
        else [t for t in shown.split("\n") if t.strip()],
    )


def _has_narrative(row: Row) -> bool:
    return any(row.text(key) for key in ("period", "done", "analysis", "impact", "next_steps"))


def _narrative(row: Row) -> NarrativeData:
    return NarrativeData(
        period_label=row.text("period"),
        done=row.text("done"),
        analysis=row.text("analysis"),
        impact=row.text("impact"),
        next_steps=row.text("next_steps"),
    )
