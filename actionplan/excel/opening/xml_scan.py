"""A fast look through a workbook's XML before any reader parses it.

Two things are refused here: XML that declares a DOCTYPE (entity bombs; Excel never writes
one), and a sheet whose values reach so far that a reader would build billions of empty
cells (python-calamine allocates the whole rectangle and aborts the process when it
cannot: that must never be reached).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from posixpath import join, normpath

from defusedxml import ElementTree

from actionplan.excel.errors import WorkbookError, quoted

MAX_ROWS = 50_000  # twice the largest plan benchmarked (24,000 actions), read in seconds
MAX_CELLS = 5_000_000  # the rectangle from A1 to the farthest value
_CHUNK = 4 * 1024 * 1024
_PROLOG_LIMIT = 64 * 1024
# A cell's tag; the last group is "/>" or ">" followed at once by its end tag for a cell
# with no value (formatted but empty: Excel writes the first, other writers the second).
_CELL = re.compile(
    rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/>|>\s*</(?:\w+:)?c>|>)'
)
_ROW = re.compile(rb'<row r="([0-9]{1,9})"')
_WIDTH = {2: re.compile(rb'r="[A-Z]{2}'), 3: re.compile(rb'r="[A-Z]{3}')}
_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass
class _Extent:
    """How far the values of one sheet reach."""

    max_row: int = 0
    max_col: int = 0
    far_row_ref: str = ""
    far_col_ref: str = ""
    rows: int = 0  # rows holding a value (rows come in order, so each change is a new one)
    last_row: int = 0


@dataclass
class _Bound:
    """A cheap upper bound on a part's rows and columns, from row tags and reference widths."""

    max_row: int = 0
    row_tags: int = 0
    rows_found: int = 0
    letters: int = 1

    @property
    def safe(self) -> bool:
        """True when even the bound fits the limits, so no cell need be looked at."""
        columns = (26, 702, 16_384)[self.letters - 1]
        untagged = self.rows_found != self.row_tags
        return not untagged and self.max_row <= MAX_ROWS and self.max_row * columns <= MAX_CELLS


def scan_zip_xml(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse DOCTYPEs in any XML part and sheets whose values reach absurdly far."""
    sheets = _sheet_names(archive)
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        if not _bound_member(archive, info, name).safe:
            extent = _measure_member(archive, info)
            _check_extent(extent, sheets.get(info.filename, info.filename), name)


def part_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's text in pieces that each end at a '>' (no tag is ever cut in two)."""
    with archive.open(info) as stream:
        carry = b""
        while chunk := stream.read(_CHUNK):
            text = carry + chunk
            cut = text.rfind(b">") + 1
            carry = text[cut:]
            yield text[:cut]
        yield carry


def _bound_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> _Bound:
    bound = _Bound()
    for number, text in enumerate(part_chunks(archive, info)):
        if number == 0:
            _check_prolog(text, info.filename, name)
        rows = _ROW.findall(text)
        bound.rows_found += len(rows)
        bound.row_tags += text.count(b"<row")
        bound.max_row = max(bound.max_row, max(map(int, rows), default=0))
        for width in (2, 3):
            if bound.letters < width and _WIDTH[width].search(text):
                bound.letters = width
    return bound


def _measure_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Extent:
    extent = _Extent()
    for text in part_chunks(archive, info):
        _measure(text, extent)
    return extent


def _check_prolog(head: bytes, part: str, name: str) -> None:
    """The text before the first element holds no DOCTYPE (entity bombs live there)."""
    position = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while match := _PROLOG_ITEM.match(head, position):
        position = match.end()
    rest = head[position : position + 16].lstrip().upper()
    if rest.startswith((b"<!DOCTYPE", b"<!ENTITY")) or position > _PROLOG_LIMIT:
        raise WorkbookError(
            f"{name} was refused as unsafe: its part '{part}' declares XML entities, "
            "which Excel never writes (this is how an 'entity bomb' attacks a computer)."
        )


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _measure(text: bytes, extent: _Extent) -> None:
    for letters, digits, empty in _CELL.findall(text):
        if empty != b">":
            continue  # <c r="XFD1048576" s="3"/>: formatted but empty; readers skip it
        row, col = int(digits), _column_number(letters)
        if row != extent.last_row:
            extent.rows, extent.last_row = extent.rows + 1, row
        if row > extent.max_row:
            extent.max_row, extent.far_row_ref = row, (letters + digits).decode()
        if col > extent.max_col:
            extent.max_col, extent.far_col_ref = col, (letters + digits).decode()


def _check_extent(extent: _Extent, sheet: str, name: str) -> None:
    if extent.rows > MAX_ROWS:
        raise WorkbookError(too_many_rows(name, sheet, f"{extent.rows:,}"))
    if extent.max_row > MAX_ROWS or extent.max_row * extent.max_col > MAX_CELLS:
        far = extent.far_row_ref if extent.max_row > MAX_ROWS else extent.far_col_ref
        raise WorkbookError(
            f"{name} has a value far outside its table, in cell {far} of sheet "
            f"{quoted(sheet)}: delete it in Excel and import again (a sheet may reach at most "
            f"{MAX_ROWS:,} rows and {MAX_CELLS:,} cells)."
        )


def too_many_rows(name: str, sheet: str, rows: str) -> str:
    """The sentence refusing a sheet (or a CSV file) of more rows than any plan has."""
    return (
        f"{name} is too large to be an action plan: sheet {quoted(sheet)} has "
        f"{rows} rows (the limit is {MAX_ROWS:,} rows a sheet)."
    )


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part's path mapped to the sheet's name, for messages."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # names only improve messages; an odd workbook still gets scanned
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PKG_REL}Relationship")}
    names: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else join("xl", target)
            names[normpath(path)] = sheet.get("name", "")
    return names


def sheet_parts(archive: zipfile.ZipFile) -> set[str]:
    """The parts holding worksheets: those the workbook names, and any under xl/worksheets/."""
    named = set(_sheet_names(archive))
    return named | {part for part in archive.namelist() if part.startswith("xl/worksheets/")}
