"""Small workbooks for importer tests, built with openpyxl in a test's tmp_path."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Color, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
PRIORITIES_SAMPLE = SAMPLES / "northbridge_priorities_2025.xlsx"
BUSINESS_SAMPLE = SAMPLES / "northbridge_business_plan_2025.xlsx"
TRACKER_SAMPLE = SAMPLES / "northbridge_tracker_2025.xlsx"
TRACKER_HEADER = ("Ref", "Priority", "Action", "Lead", "Due date", "Status", "RAG")
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)


def put_text(ws: Worksheet, row: int, column: int, value: object) -> None:
    """Write a value; text stays text even when it starts with = + - @."""
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"


def write_rows(ws: Worksheet, rows: Sequence[Sequence[object]], first_row: int = 1) -> None:
    """Write rows of values from column A."""
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None and value != "":
                put_text(ws, first_row + offset, column, value)


def book(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """A workbook with one sheet per entry, rows written from A1."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        write_rows(wb.create_sheet(name), rows)
    wb.save(path)
    return path


def tracker(
    path: Path, rows: Sequence[Sequence[object]], header: Sequence[str] = TRACKER_HEADER
) -> Path:
    """A one-sheet tracker with a header in row 1."""
    return book(path, {"Actions": [list(header), *rows]})


def fill(ws: Worksheet, cell: str, colour: Color | str) -> None:
    """Give a cell a solid fill (an rgb string or an openpyxl Color)."""
    fg = colour if isinstance(colour, Color) else Color(rgb="FF" + colour)
    ws[cell].fill = PatternFill(fill_type="solid", fgColor=fg)


def rag_fill_book(path: Path, fills: Sequence[Color | str | None]) -> Path:
    """A tracker whose RAG cells have no text, only the fills given (None: no fill)."""
    rows = [[f"1.{n}", "Neglect", f"Action {n}", "Police", None, "In progress", None] for n in
            range(1, len(fills) + 1)]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions"
    write_rows(ws, [list(TRACKER_HEADER), *rows])
    for row, colour in enumerate(fills, start=2):
        if colour is not None:
            fill(ws, f"G{row}", colour)
    wb.save(path)
    return path


def replace_part(path: Path, part: str, text: str) -> Path:
    """Rewrite one part of a saved workbook's zip with new text."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[part] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def entity_bomb(path: Path) -> Path:
    """A real workbook whose sheet1.xml declares a billion-laughs DOCTYPE."""
    tracker(path, [["1.1", "Neglect", "Relaunch the toolkit", "Police", None, None, "G"]])
    with zipfile.ZipFile(path) as source:
        sheet = source.read("xl/worksheets/sheet1.xml").decode("utf-8")
    body = sheet.split("?>", 1)[-1] if sheet.startswith("<?xml") else sheet
    return replace_part(path, "xl/worksheets/sheet1.xml", BILLION_LAUGHS + body.replace(
        "Relaunch the toolkit", "&lol3;"))  # fmt: skip


def ods(path: Path, rows: Sequence[Sequence[str]], sheet: str = "Plan") -> Path:
    """A minimal OpenDocument spreadsheet (LibreOffice's .ods) with text cells."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    body = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>"
            for value in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
        'opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path
