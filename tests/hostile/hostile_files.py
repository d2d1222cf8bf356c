"""Hostile files written on the spot: each is small on disk and absurd once a reader expands it.

Shared by ``tests/hostile`` and ``benchmarks/hostile_bench.py``; every file stays under 10 MB.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet"/>'
    '<Relationship Id="rId2" Target="sharedStrings.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/sharedStrings"/>'
    '<Relationship Id="rId3" Target="styles.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/styles"/></Relationships>'
)
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_PLAIN_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {_MAIN}>'
    '<fonts count="1"><font><sz val="11"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs>'
    "</styleSheet>"
)
_HEADER_STRINGS = ("Ref", "Action", "Lead", "RAG")


def _letters(number: int) -> str:
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(65 + rest) + text
    return text


def _header_row() -> str:
    cells = "".join(f'<c r="{_letters(i + 1)}1" t="s"><v>{i}</v></c>' for i in range(4))
    return f'<row r="1">{cells}</row>'


def _strings(extra: Iterable[str] = ()) -> str:
    items = [*_HEADER_STRINGS, *extra]
    body = "".join(f"<si><t>{text}</t></si>" for text in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst {_MAIN} count="{len(items)}">{body}</sst>'


def _sheet(rows: Iterable[str], head: str = "") -> Iterator[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_MAIN}>{head}<sheetData>'.encode()
    yield _header_row().encode()
    batch: list[str] = []
    for row in rows:
        batch.append(row)
        if len(batch) == 10_000:
            yield "".join(batch).encode()
            batch = []
    yield "".join(batch).encode()
    yield b"</sheetData></worksheet>"


def write_xlsx(
    path: Path,
    rows: Iterable[str],
    strings: str | None = None,
    styles: str = _PLAIN_STYLES,
    head: str = "",
) -> Path:
    """A minimal workbook whose one sheet holds the given row XML after a plan's header row."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", strings or _strings())
        archive.writestr("xl/styles.xml", styles)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for piece in _sheet(rows, head):
                sheet.write(piece)
    return path


def shared_string_bomb(path: Path, rows: int = 20_000, columns: int = 20) -> Path:
    """One 32,000-character shared string referenced by every cell of a large sheet."""
    long_text = ("Review the multi-agency neglect toolkit. " * 800)[:32_000]

    def row(number: int) -> str:
        cells = "".join(
            f'<c r="{_letters(c)}{number}" t="s"><v>4</v></c>' for c in range(1, 1 + columns)
        )
        return f'<row r="{number}">{cells}</row>'

    return write_xlsx(path, (row(n) for n in range(2, rows + 2)), _strings([long_text]))


def _text_rows(rows: int, chars: int) -> Iterator[str]:
    for number in range(2, rows + 2):
        cells = "".join(
            f'<c r="{_letters(c)}{number}" t="inlineStr"><is><t>{"x" * chars}</t></is></c>'
            for c in range(1, 5)
        )
        yield f'<row r="{number}">{cells}</row>'


def sheet_zip_bomb(path: Path, rows: int = 10_000) -> Path:
    """A sheet of the same long text over and over, unpacking to a thousand times its size."""
    return write_xlsx(path, _text_rows(rows, 2_000))


def long_plan(path: Path, rows: int = 49_999) -> Path:
    """A plan of as many rows as a sheet may have, each of four 200-character cells."""
    return write_xlsx(path, _text_rows(rows, 200))


def deeply_nested(path: Path, depth: int = 200_000) -> Path:
    """A cell whose text sits inside hundreds of thousands of nested elements."""
    nested = "<r>" * depth + "deep" + "</r>" * depth
    row = f'<row r="2"><c r="A2" t="inlineStr"><is>{nested}</is></c></row>'
    return write_xlsx(path, [row])


def many_styles(path: Path, count: int = 200_000) -> Path:
    """A stylesheet of hundreds of thousands of distinct cell formats and fonts."""
    fonts = "".join(
        f'<font><sz val="{8 + i % 30}"/><color rgb="FF{i:06X}"/></font>' for i in range(count)
    )
    xfs = "".join(f'<xf numFmtId="0" fontId="{i}" fillId="0" borderId="0"/>' for i in range(count))
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {_MAIN}><fonts count="{count}">'
        f'{fonts}</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        f'<borders count="1"><border/></borders><cellXfs count="{count}">{xfs}</cellXfs>'
        "</styleSheet>"
    )
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c></row>'
    return write_xlsx(path, [row], styles=styles)


def far_dimension(path: Path) -> Path:
    """A small sheet that declares its used range runs to XFD1048576 and holds a value there."""
    rows = [
        '<row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c></row>',
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    ]
    return write_xlsx(path, rows, head='<dimension ref="A1:XFD1048576"/>')


def empty_rows(path: Path, rows: int = 1_000_000) -> Path:
    """A million formatted but empty rows below a one-line plan."""
    return write_xlsx(path, (f'<row r="{n}" s="0" customFormat="1"/>' for n in range(2, rows + 2)))


def huge_csv(path: Path, rows: int = 1_200_000) -> Path:
    """A CSV of a plan's header and over a million short rows (under 10 MB), written lazily."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("Ref,Action,Lead,RAG\n")
        for start in range(0, rows, 50_000):
            stream.writelines("1,a,b,G\n" for _ in range(start, min(rows, start + 50_000)))
    return path


HOSTILE_FILES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "shared-string bomb": ("shared_strings.xlsx", shared_string_bomb),
    "sheet zip bomb": ("zip_bomb.xlsx", sheet_zip_bomb),
    "deeply nested XML": ("nested.xlsx", deeply_nested),
    "many styles": ("styles.xlsx", many_styles),
    "dimension XFD1048576": ("far.xlsx", far_dimension),
    "a million empty rows": ("empty_rows.xlsx", empty_rows),
    "huge CSV": ("huge.csv", huge_csv),
}


def make(kind: str, folder: Path) -> Path:
    """Write the hostile file of that kind into the folder and return its path."""
    file_name, writer = HOSTILE_FILES[kind]
    return writer(folder / file_name)


def run_import(path: Path, db: Path, memory_cap: int | None = None) -> Outcome:
    """Run ``actionplan import`` on the file in a new process, optionally under a memory cap."""
    command = [sys.executable, "-m", "actionplan", "import", str(path), "--db", str(db)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=out, stderr=err, preexec_fn=_capped(memory_cap), env=_env()
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        return Outcome(
            child.returncode, out.read().decode(), err.read().decode(), seconds, usage.ru_maxrss
        )


@dataclass(frozen=True)
class Outcome:
    """What one import of a hostile file did: exit code, what it printed, time and peak memory."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_kib: int

    @property
    def summary(self) -> str:
        """The refusal sentence, or the last line of a successful import."""
        text = self.stderr if self.returncode else self.stdout
        lines = text.strip().splitlines()
        return lines[-1] if lines else ""


def _capped(memory_cap: int | None) -> Callable[[], None] | None:
    if memory_cap is None:
        return None

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))

    return limit


def _env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": root, "QT_QPA_PLATFORM": "offscreen"}
