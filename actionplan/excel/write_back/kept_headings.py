"""A workbook's own printed headers and footers, written back exactly as they were.

openpyxl reads a header such as ``&LPlan &&"Arial" review`` by searching for codes anywhere
in it, so an escaped ampersand ("&&", a plain "&" on paper) followed by a quote, a number
or a K is read as a font, size or colour code and written back as one: the words on every
printed page change, and a title can inject a code. Writing a workbook back must leave its
headers and footers as the partnership (or the app's own tracker) wrote them.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any

from openpyxl.worksheet.header_footer import HeaderFooterItem

from actionplan.excel.opening.xml_scan import _sheet_names

_HEADINGS = re.compile(rb"<(?:\w+:)?headerFooter\b[^>]*>(.*?)</(?:\w+:)?headerFooter>", re.DOTALL)
_HEADING = re.compile(
    rb"<(?:\w+:)?((?:odd|even|first)(?:Header|Footer))>([^<]*)</(?:\w+:)?\1>", re.DOTALL
)


class KeptHeading(HeaderFooterItem):
    """A header or footer written exactly as the original workbook had it."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def __str__(self) -> str:  # overrides HeaderFooterItem.__str__, which rebuilds the code
        return self.code

    def __bool__(self) -> bool:  # overrides HeaderFooterItem.__bool__
        return bool(self.code)


def original_headings(content: bytes) -> dict[str, dict[str, str]]:
    """Each sheet's headers and footers as written in the file: sheet name → tag → code."""
    found: dict[str, dict[str, str]] = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for part, name in _sheet_names(archive).items():
            try:
                xml = archive.read(part)
            except KeyError:
                continue
            block = _HEADINGS.search(xml)
            if block is not None:
                found[name] = {
                    tag.decode(): html.unescape(code.decode("utf-8"))
                    for tag, code in _HEADING.findall(block.group(1))
                }
    return found


def keep_headings(book: Any, headings: dict[str, dict[str, str]]) -> None:
    """Give each sheet of the reopened workbook its original headers and footers back."""
    for name, codes in headings.items():
        if name in book.sheetnames:
            for tag, code in codes.items():
                setattr(book[name].HeaderFooter, tag, KeptHeading(code))
