"""The app's own tracker export as the importer sees it: read back exactly, with a report.

``services.importing`` hands a workbook carrying the export's marker here instead of to the
general reader, so export-then-import gives back the same plan, field for field. The column
mapping kept with the plan points at the Actions sheet, so the plan can be written back
into the very tracker it came from.
"""

from __future__ import annotations

from pathlib import Path

from actionplan.excel.opening.safety import open_source
from actionplan.excel.read.column_mapping import ColumnMapping, SheetMapping
from actionplan.excel.read.grid import load_grids
from actionplan.excel.read.import_report import ImportReport, SheetReport
from actionplan.excel.read.reader import ReadResult
from actionplan.excel.read.sheet_sample import sample_sheets
from actionplan.excel.tracker.own_export_reader import read_own_export_detail
from actionplan.excel.tracker.schema import ACTION_COLUMNS, ACTIONS

# The export's Actions columns under the importer's field names.
_FIELDS = {
    "ref": "ref",
    "priority": "priority",
    "outcome": "outcome",
    "action": "action",
    "leads": "lead",
    "agency": "agency",
    "timescale": "timescale",
    "due": "due_date",
    "status": "status",
    "rag": "rag",
    "latest": "update",
    "latest_date": "update_date",
    "how": "how_we_know",
}


def read_own_export_import(path: Path) -> ReadResult:
    """Read an export made by this app exactly, as the result of an import's reading step."""
    source = open_source(path)
    found = read_own_export_detail(source.content, path.name)
    columns = {
        _FIELDS[key]: number for key, number in found.action_columns.items() if key in _FIELDS
    }
    headings = {column.key: column.header for column in ACTION_COLUMNS}
    names = {number: headings[key] for key, number in found.action_columns.items()}
    sheet = SheetMapping(ACTIONS, "actions", 1, columns, names)
    report = ImportReport(path.name, layout="tracker", title=found.plan.title)
    sheet_report = SheetReport(ACTIONS, role="actions", header_rows=[1], mapping=sheet.lines())
    sheet_report.notes.append(
        "Recognised as a tracker exported by actionplan: read back exactly as it was exported, "
        "with any RAG, status or words changed in the workbook since."
    )
    sheet_report.counts["actions"] = found.plan.action_count
    report.sheets.append(sheet_report)
    report.count_plan(found.plan)
    rows = tuple((ACTIONS, row) for row in found.action_rows)
    mapping = ColumnMapping((sheet,))
    samples = sample_sheets(load_grids(source), mapping)
    return ReadResult(
        found.plan, report, mapping, "tracker", rows, {ACTIONS: [1]}, source.content, samples
    )
