"""The accessible pieces of a Word chapter: text XML can hold, real headings, tables whose
header row repeats and is announced as a header, captions, pictures with alternative text,
and the document's language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

LANGUAGE = "en-GB"
# XML 1.0 cannot hold C0 controls (other than tab and line breaks), lone surrogates or the
# two non-characters: they are dropped, every other character is kept as typed.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The styles the chapter uses, with what to base one on when a template lacks it.
_OWN_STYLES = {
    "Heading 1": (0, 16),
    "Heading 2": (1, 14),
    "Heading 3": (2, 12),
}
_PLAIN_STYLES = ("Caption", "Quote", "List Bullet", "Title")


def xml_safe(text: str) -> str:
    """The text with the characters Word files cannot hold removed (the rest as typed)."""
    return _NOT_XML.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def set_language(document: Document, language: str = LANGUAGE) -> None:
    """Mark the document's text as written in ``language``, for spelling and screen readers."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:  # the run defaults come before the paragraph defaults
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    _set_lang(_child(run_defaults, "w:rPr"), language)
    normal = document.styles["Normal"].element
    _set_lang(normal.get_or_add_rPr(), language)
    document.core_properties.language = language


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _set_lang(run_properties: Any, language: str) -> None:
    lang = run_properties.find(qn("w:lang"))
    if lang is None:  # in the schema's order: only these three may follow it
        lang = OxmlElement("w:lang")
        later = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
        run_properties.insert_element_before(lang, *later)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")  # right-to-left words in the text keep their own script


def ensure_styles(document: Document) -> None:
    """Add the heading and caption styles the chapter needs where a template lacks them;
    a heading added carries its outline level, so Word's navigation pane lists it."""
    names = {s.name for s in document.styles}
    for name, (level, size) in _OWN_STYLES.items():
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            style.font.bold, style.font.size = True, Pt(size)
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.keep_with_next = True
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(level))
            style.element.get_or_add_pPr().append(outline)
    for name in _PLAIN_STYLES:
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            style.font.italic = name in ("Caption", "Quote")


def heading(document: Document, text: str, level: int) -> Paragraph:
    """A real heading (Heading 1, 2 or 3), as the navigation pane and screen readers find it."""
    return paragraph(document, text, f"Heading {level}")


def paragraph(document: Document, text: str, style: str | None = None) -> Paragraph:
    """A paragraph of the user's words as typed; a line break typed stays a line break."""
    para = document.add_paragraph(xml_safe(text))
    if style is not None:
        # Named by its id: python-docx's lookup by name reads every style each time.
        para._p.style = document.styles[style].style_id
    return para


def lead_in(document: Document, bold: str, rest: str) -> Paragraph:
    """A paragraph starting with a few words in bold: "Executive champion: …"."""
    para = document.add_paragraph()
    para.add_run(xml_safe(bold)).bold = True
    para.add_run(xml_safe(rest))
    return para


def bullets(document: Document, lines: Sequence[str]) -> None:
    """A bulleted list, one line each."""
    style = document.styles["List Bullet"]
    # A template's list style without a bullet of its own: the bullet is written instead.
    mark = "" if style.element.find(".//" + qn("w:numPr")) is not None else "• "
    for line in lines:
        document.add_paragraph(mark + xml_safe(line))._p.style = style.style_id


def caption(document: Document, text: str) -> Paragraph:
    """A caption, kept with the table or picture under it."""
    para = paragraph(document, text, "Caption")
    para.paragraph_format.keep_with_next = True
    return para


def table(
    document: Document,
    title: str,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float] = (),
) -> Table:
    """A captioned table whose first row is its header: flagged as one (repeated on each
    page, announced as column headings), with the caption as the table's own title too;
    columns as wide as ``widths_mm`` says when given (the words decide otherwise)."""
    caption(document, title)
    grid = document.add_table(rows=1 + len(rows), cols=len(head))
    if "Table Grid" in {s.name for s in document.styles}:
        grid.style = document.styles["Table Grid"]
    else:  # a template without Word's own grid style: lines drawn on the table itself
        _lines(grid)
    for cell, text in zip(grid.rows[0].cells, head, strict=True):
        cell.paragraphs[0].add_run(xml_safe(text)).bold = True
        cell.paragraphs[0].paragraph_format.keep_with_next = True  # never alone at a page foot
    _mark_header(grid)
    _describe(grid, title)
    for row, values in zip(grid.rows[1:], rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(xml_safe(text))
    if widths_mm:
        _widths(grid, widths_mm)
    return grid


def _widths(grid: Table, widths_mm: Sequence[float]) -> None:
    grid.autofit = False
    widths = [Mm(w) for w in widths_mm]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for row in grid._tbl.tr_lst:  # each cell directly: a column's cells walk the whole table
        for cell, width in zip(row.tc_lst, widths, strict=True):
            cell.width = width


def _lines(grid: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:color"), "808080")
        borders.append(line)
    # Word reads a table's properties in the schema's order: the borders go before these.
    later = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
    grid._tbl.tblPr.insert_element_before(borders, *later)


def _mark_header(grid: Table) -> None:
    row_properties = grid.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row_properties.append(flag)


def _describe(grid: Table, title: str) -> None:
    properties = grid._tbl.tblPr
    caption_tag = OxmlElement("w:tblCaption")
    caption_tag.set(qn("w:val"), xml_safe(title)[:250])
    properties.append(caption_tag)


def picture(document: Document, png: bytes, width_mm: float, alt: str, title: str) -> None:
    """A picture with alternative text (what a screen reader says instead of showing it)."""
    run = document.add_paragraph().add_run()
    shape = run.add_picture(BytesIO(png), width=Mm(width_mm))
    properties = shape._inline.docPr
    properties.set("descr", xml_safe(alt))
    properties.set("title", xml_safe(title))
