"""How much text a workbook would hold once opened, counted before any reader expands it.

A cell of shared text stores only a number; the reader copies the text into every cell that
refers to it. One 32,000-character text referred to by every cell of a half-megabyte file made
gigabytes of copies. So the copies are counted first, streaming through the XML: each shared
text's length times the number of cells that refer to it, and the file is refused past a limit.
Text typed into the cells themselves counts against the same limit.
"""

from __future__ import annotations

import re
import zipfile
from array import array
from collections.abc import Iterable

from actionplan.excel.errors import WorkbookError
from actionplan.excel.opening.xml_scan import part_chunks

MAX_TEXT_CHARS = 50_000_000  # a 24,000-action plan holds about 10 million characters
_SHARED_TAG = re.compile(rb"<(/?)(?:\w+:)?(si|t)\b[^>]*?(/?)>")
_SHARED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>([0-9]{1,10})<')
_SHARED_MARK = b't="s"'
_INLINE_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>/]*>([^<]*)<")


def check_shared_text(archive: zipfile.ZipFile, sheets: Iterable[str], name: str) -> None:
    """Refuse a workbook whose shared texts, copied into every cell using them, are too long."""
    parts = [info for info in archive.infolist() if info.filename in set(sheets)]
    _check_inline_text(archive, parts, name)
    strings = [info for info in archive.infolist() if _is_shared_strings(info.filename)]
    if not strings:
        return
    lengths = _text_lengths(archive, strings[0])
    if not lengths:
        return
    if _shared_cells(archive, parts) * max(lengths) <= MAX_TEXT_CHARS:
        return  # even if every cell held the longest text, the total would be small
    total = sum(_copied_chars(archive, part, lengths) for part in parts)
    if total > MAX_TEXT_CHARS:
        raise WorkbookError(_too_much_text(name, total))


def _check_inline_text(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse sheets whose own text (not shared) is past the limit, stopping once it is."""
    if sum(part.file_size for part in parts) <= MAX_TEXT_CHARS:
        return  # the text of a sheet is never longer than the sheet itself
    total = 0
    for part in parts:
        for text in part_chunks(archive, part):
            total += sum(map(len, _INLINE_TEXT.findall(text)))
            if total > MAX_TEXT_CHARS:
                raise WorkbookError(
                    f"{name} is too large to be an action plan: its cells hold more than "
                    f"{_amount(MAX_TEXT_CHARS)} characters of text."
                )


def _is_shared_strings(part: str) -> bool:
    return part.lower().rsplit("/", 1)[-1] == "sharedstrings.xml"


def _text_lengths(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> array[int]:
    """Each shared text's length in bytes of XML text (about its length in characters)."""
    lengths: array[int] = array("q")
    offset, current, opened = 0, 0, -1
    for text in part_chunks(archive, info):
        for match in _SHARED_TAG.finditer(text):
            closing, tag, empty = match.groups()
            if tag == b"si" and not closing:
                current, opened = 0, -1
                if empty:
                    lengths.append(0)
            elif tag == b"si":
                lengths.append(current)
            elif not closing and not empty:
                opened = offset + match.end()
            elif closing and opened >= 0:
                current += offset + match.start() - opened
                opened = -1
        offset += len(text)
    return lengths


def _shared_cells(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> int:
    """How many cells refer to a shared text, at most (a quick count of the marker)."""
    return sum(text.count(_SHARED_MARK) for part in parts for text in part_chunks(archive, part))


def _copied_chars(archive: zipfile.ZipFile, part: zipfile.ZipInfo, lengths: array[int]) -> int:
    # A cell cut in two by a chunk's end is missed: at most one in four megabytes, which does
    # not change the estimate's order of magnitude.
    count = len(lengths)
    total = 0
    for text in part_chunks(archive, part):
        for index in map(int, _SHARED_CELL.findall(text)):
            if index < count:
                total += lengths[index]
    return total


def _too_much_text(name: str, total: int) -> str:
    return (
        f"{name} is too large to be an action plan: its cells repeat long texts so often "
        f"that it would open as {_amount(total)} characters of text "
        f"(the limit is {_amount(MAX_TEXT_CHARS)})."
    )


def _amount(chars: int) -> str:
    """A count as a reader takes it in: millions when large, every digit when not."""
    return f"{chars // 1_000_000:,} million" if chars >= 10_000_000 else f"{chars:,}"
