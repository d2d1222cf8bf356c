"""The import preview as grids: each sheet's first rows, every column with the field it feeds.

The window shows these plain values and hands a corrected column back through
``with_column_field``; the import then reads the file with that mapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.domain.wording import counted
from actionplan.excel.read.column_mapping import ColumnMapping, SheetMapping, column_letter
from actionplan.excel.read.import_report import ImportReport
from actionplan.excel.read.sheet_sample import SheetSample
from actionplan.excel.read.synonyms import IGNORE, field_label
from actionplan.services.import_fields import NOT_IMPORTED
from actionplan.services.importing import ImportPreview

ROLE_NAMES = {
    "actions": "actions",
    "champions": "executive champions",
    "indicators": "indicators",
    "narrative": "narrative by priority",
}


@dataclass(frozen=True)
class PreviewColumn:
    """One column of a sheet: where it is, its heading as written, and what it is read as."""

    number: int  # 1-based
    letter: str
    heading: str
    field: str  # a field name, or "ignore"
    label: str  # the field as people say it: "Lead", "Not imported"


@dataclass(frozen=True)
class PreviewSheet:
    """One sheet as the preview shows it: its columns and first rows, each cell as text."""

    name: str
    role: str  # "actions", "champions" or "indicators"
    header_row: int
    columns: tuple[PreviewColumn, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number in the workbook, cell texts)

    @property
    def editable(self) -> bool:
        """Only an action sheet's columns can be read as another field."""
        return self.role == "actions"


def preview_sheets(preview: ImportPreview) -> list[PreviewSheet]:
    """Every sheet the import reads, in workbook order, ready for a grid."""
    samples = {sample.sheet: sample for sample in preview.result.samples}
    return [
        _sheet(mapping, samples[mapping.sheet])
        for mapping in preview.mapping.sheets
        if mapping.sheet in samples
    ]


def _sheet(mapping: SheetMapping, sample: SheetSample) -> PreviewSheet:
    fields = {column: name for name, column in mapping.columns.items()}
    fields |= {column: "reading" for column in mapping.readings}
    fields |= {column: "comparator" for column in mapping.comparators}
    columns = tuple(
        _column(number, heading, fields.get(number, IGNORE))
        for number, heading in enumerate(sample.headings, start=1)
    )
    return PreviewSheet(mapping.sheet, mapping.role, mapping.header_row, columns, sample.rows)


def _column(number: int, heading: str, name: str) -> PreviewColumn:
    label = NOT_IMPORTED if name == IGNORE else field_label(name)
    return PreviewColumn(
        number, column_letter(number), heading, name, label[:1].upper() + label[1:]
    )


def with_column_field(mapping: ColumnMapping, sheet: str, column: int, field: str) -> ColumnMapping:
    """The mapping with one column of one sheet read as ``field`` ("ignore": not imported).

    A field read from another column moves to this one, since each field has one column.
    """
    current = mapping.sheet(sheet)
    if current is None:
        return mapping
    for name, number in current.columns.items():
        if number == column:
            current = current.with_field(name, None)
            break
    if field != IGNORE:
        current = current.with_field(field, column)
    return mapping.with_sheet(current)


def counts_text(report: ImportReport) -> str:
    """ "38 actions in 7 priorities, 4 measures, 12 updates": what the import would save."""
    totals = report.totals
    if not totals["actions"]:
        return "No actions found."
    head = f"{counted(totals['actions'], 'action')} in "
    head += counted(totals["priorities"], "priority", "priorities")
    rest = [
        counted(totals[what], one)
        for what, one in (
            ("outcomes", "outcome"),
            ("measures", "measure"),
            ("readings", "reading"),
            ("updates", "update"),
        )
        if totals[what]
    ]
    return ", ".join([head, *rest])
