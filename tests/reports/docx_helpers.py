"""Reading a written Word file back as a reader (or a screen reader) meets it."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

PICTURE_PROPERTIES = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def opened(path: Path) -> Document:
    """The document as python-docx reads it."""
    return docx.Document(str(path))


def headings(document: Document) -> list[tuple[str, str]]:
    """Every heading in order, as (style, text)."""
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


def all_text(document: Document) -> str:
    """Every paragraph's and table cell's words, in order."""
    words = [p.text for p in document.paragraphs]
    for grid in document.tables:
        words += [cell.text for row in grid.rows for cell in row.cells]
    return "\n".join(words)


def header_flags(document: Document) -> list[bool]:
    """For each table, whether its first row is flagged as a header row."""
    flags = []
    for grid in document.tables:
        properties = grid.rows[0]._tr.trPr
        found = None if properties is None else properties.find(qn("w:tblHeader"))
        flags.append(found is not None and found.get(qn("w:val"), "true") != "false")
    return flags


def pictures(document: Document) -> list[dict[str, str]]:
    """Each picture's properties: its alternative text ("descr") and title."""
    return [dict(p.attrib) for p in document.element.body.iter(PICTURE_PROPERTIES)]


def languages(document: Document) -> set[str]:
    """The languages set on the document's default text and its Normal style."""
    styles = document.styles.element
    found = {lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))}
    return {value for value in found if value}
