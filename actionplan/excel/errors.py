"""The one error reading a workbook raises: its message is one sentence a business manager reads."""

from __future__ import annotations


class WorkbookError(Exception):
    """The file cannot be imported; the message says why in one sentence and names the file."""


def quoted(name: str) -> str:
    """A file or sheet name in single quotes, as every message writes it."""
    return f"'{name}'"


def save_as_xlsx_hint() -> str:
    """How to turn any spreadsheet into a workbook the importer reads."""
    return "open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)"
