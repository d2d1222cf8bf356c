"""Opening a file safely: what it really is, whether it is too big, damaged, encrypted or hostile.

Nothing here trusts the file name: the first bytes say whether it is a zip (xlsx, xlsb,
ods), an OLE compound file (an old .xls, or a password-protected workbook) or text.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from actionplan.excel.errors import WorkbookError, quoted, save_as_xlsx_hint
from actionplan.excel.opening.shared_text import check_shared_text
from actionplan.excel.opening.xml_scan import scan_zip_xml, sheet_parts

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 250  # a zip bomb unpacks thousands of times its size; real workbooks about 10-30
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class SourceBook:
    """A file checked and read into memory, with what it really is."""

    path: Path
    content: bytes
    kind: str  # "xlsx", "xlsb", "xls", "ods" or "csv"

    @property
    def name(self) -> str:
        """The file name as messages show it."""
        return self.path.name

    @property
    def has_fills(self) -> bool:
        """True when cell colours can be read (openpyxl reads them only from .xlsx)."""
        return self.kind == "xlsx"


def open_source(path: Path) -> SourceBook:
    """Read and check a file; raises WorkbookError with one sentence when it cannot be imported."""
    content = _read_bytes(path)
    name = quoted(path.name)
    if content.startswith(ZIP_MAGIC):
        return SourceBook(path, content, _zip_kind(content, name))
    if content.startswith(OLE_MAGIC):
        return SourceBook(path, content, _ole_kind(content, path))
    return SourceBook(path, content, _text_kind(content, path))


def _read_bytes(path: Path) -> bytes:
    name = quoted(path.name)
    try:
        if path.is_dir():
            raise WorkbookError(f"{name} is a folder, not a workbook.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookError(_too_large(name, size))
        return path.read_bytes()
    except FileNotFoundError:
        raise WorkbookError(f"There is no file {name} ({path}).") from None
    except PermissionError:
        raise WorkbookError(f"{name} could not be opened: permission denied.") from None
    except OSError as exc:
        raise WorkbookError(f"{name} could not be read: {exc.strerror or exc}.") from None


def _too_large(name: str, size: int) -> str:
    megabytes = size / (1024 * 1024)
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return (
        f"{name} is too large to be an action plan ({megabytes:,.0f} MB; the limit is {limit} MB)."
    )


def _zip_kind(content: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            infos = archive.infolist()
            _check_members(infos, name)
            kind = _kind_of_members(archive, {info.filename for info in infos}, name)
            if kind == "xlsx":
                scan_zip_xml(archive, name)
                check_shared_text(archive, sheet_parts(archive), name)
            return kind
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        ValueError,
        NotImplementedError,
        zipfile.LargeZipFile,
    ):
        raise WorkbookError(_damaged(name)) from None


def _damaged(name: str) -> str:
    return (
        f"{name} is damaged or incomplete (it is not a whole Excel file): "
        "copy or download it again, or open it in Excel and save it again."
    )


def _check_members(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise WorkbookError(f"{name} holds {len(infos):,} parts, too many for a workbook.")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        limit = MAX_UNPACKED_BYTES // (1024 * 1024)
        raise WorkbookError(
            f"{name} is too large to be an action plan: it unpacks to "
            f"{unpacked / (1024 * 1024):,.0f} MB (the limit is {limit} MB)."
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise WorkbookError(
                f"{name} was refused: part '{info.filename}' unpacks to "
                f"{info.file_size // max(info.compress_size, 1):,} times its size, "
                "which no workbook does (it looks like a zip bomb)."
            )


def _kind_of_members(archive: zipfile.ZipFile, names: set[str], name: str) -> str:
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "mimetype" in names and archive.read("mimetype").startswith(_ODS_MIME):
        return "ods"
    if "word/document.xml" in names:
        raise WorkbookError(f"{name} is a Word document, not a workbook.")
    if "ppt/presentation.xml" in names:
        raise WorkbookError(f"{name} is a PowerPoint presentation, not a workbook.")
    raise WorkbookError(f"{name} is a zip archive, not an Excel workbook.")


def _ole_kind(content: bytes, path: Path) -> str:
    name = quoted(path.name)
    if "EncryptedPackage".encode("utf-16-le") in content:
        raise WorkbookError(password_message(name))
    if path.suffix.lower() in (".xls", ".xlt") or _has_stream(content, "Workbook", "Book"):
        return "xls"
    # An .xlsx saved with a password is an OLE file too; without a Workbook stream that is
    # by far the likeliest reading.
    raise WorkbookError(password_message(name))


def password_message(name: str) -> str:
    """The sentence for a workbook protected with a password."""
    return (
        f"{name} is protected with a password: open it in Excel, remove the password "
        "(File > Info > Protect Workbook > Encrypt with Password, then clear it), save it "
        "and import it again."
    )


def _has_stream(content: bytes, *names: str) -> bool:
    return any(stream.encode("utf-16-le") + b"\x00\x00" in content for stream in names)


def _text_kind(content: bytes, path: Path) -> str:
    name = quoted(path.name)
    head = content[:4096]
    if path.suffix.lower() in TEXT_SUFFIXES:
        if b"\x00" in head:
            raise WorkbookError(f"{name} is not a text (CSV) file: it holds binary data.")
        return "csv"
    if b"<html" in head.lower() or b"<table" in head.lower():
        raise WorkbookError(
            f"{name} is a web page saved with a spreadsheet name, not a real workbook: "
            f"{save_as_xlsx_hint()}."
        )
    if head and _looks_like_text(head):
        raise WorkbookError(
            f"{name} is not an Excel workbook: it holds plain text (if it is a CSV file, "
            "rename it to end in .csv; otherwise "
            f"{save_as_xlsx_hint()})."
        )
    if not content:
        raise WorkbookError(f"{name} is empty.")
    raise WorkbookError(f"{name} is not an Excel workbook (or it is damaged).")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 4  # only a character cut at the end of the sample
    return True
