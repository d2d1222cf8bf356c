"""Lay out a .docx's contents with Qt's text engine, for looking at where no word processor
is installed: headings, paragraphs, bullets, quotes, captions, tables (header rows as
headers), pictures (with their alternative text kept) and the first header and footer."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 9.5pt; color: #222; }
h1 { font-size: 18pt; color: #1F3864; margin-top: 0; }
h2 { font-size: 14pt; color: #2F5496; margin-top: 16px; }
h3 { font-size: 11pt; color: #2F5496; margin-top: 10px; }
p.caption { font-size: 8.5pt; color: #44546A; font-style: italic; margin-bottom: 2px; }
p.quote { font-style: italic; color: #404040; margin: 0 0 6px 24px; }
th { background: #E7ECF5; text-align: left; }
td, th { font-size: 8.5pt; }
"""
DPI = 150
MM = DPI / 25.4


def _picture(paragraph: Paragraph, document: Document, folder: Path) -> str:
    blip = next(paragraph._p.iter(BLIP), None)
    if blip is None:
        return ""
    part = document.part.related_parts[blip.get(EMBED)]
    path = folder / f"picture-{len(list(folder.iterdir()))}.png"
    path.write_bytes(part.blob)
    extent = next(paragraph._p.iter(EXTENT))
    width = int(int(extent.get("cx")) / 914400 * 96)  # Qt sizes pictures at 96 per inch
    alt = html.escape(next(paragraph._p.iter(DOC_PR)).get("descr", ""))
    return f'<p><img src="{path}" width="{width}" alt="{alt}"></p>'


def _table(grid: Table) -> str:
    rows = []
    widths = [c.width or 0 for c in grid.rows[0].cells]
    total = sum(widths) or 1
    for index, row in enumerate(grid.rows):
        flag = row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        tag = "th" if index == 0 and flag else "td"
        sized = [f' width="{round(100 * w / total)}%"' if w else "" for w in widths]
        cells = "".join(
            f"<{tag}{size}>{html.escape(c.text)}</{tag}>"
            for c, size in zip(row.cells, sized, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table border="1" cellspacing="0" cellpadding="4" width="100%" '
        f'style="border-color: #9AA5B1;">{"".join(rows)}</table>'
    )


def _paragraph(paragraph: Paragraph) -> tuple[str, str]:
    """(kind, html) of one paragraph: kind "li" for a bullet, else "p"."""
    style = paragraph.style.name if paragraph.style is not None else ""
    text = html.escape(paragraph.text).replace("\n", "<br>")
    if style.startswith("Heading "):
        level = style.split()[-1]
        return "p", f"<h{level}>{text}</h{level}>"
    if style == "List Bullet":
        return "li", f"<li>{text}</li>"
    if style == "Caption":
        return "p", f'<p class="caption">{text}</p>'
    if style == "Quote":
        return "p", f'<p class="quote">{text}</p>'
    runs = "".join(
        f"<b>{html.escape(r.text)}</b>" if r.bold else html.escape(r.text) for r in paragraph.runs
    )
    return "p", f"<p>{runs}</p>" if runs.strip() else ""


def as_html(document: Document, folder: Path) -> str:
    """The document's body as HTML, pictures written into ``folder``."""
    parts: list[str] = []
    in_list = False
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            kind, made = "p", _table(Table(element, document))
        elif element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            kind, made = _paragraph(paragraph)
            made = made or _picture(paragraph, document, folder)
        else:
            continue
        if kind == "li" and not in_list:
            parts.append("<ul>")
        if kind != "li" and in_list:
            parts.append("</ul>")
        in_list = kind == "li"
        parts.append(made)
    return f"<html><body>{''.join(parts)}{'</ul>' if in_list else ''}</body></html>"


def render_pdf_with_qt(source: Path, pdf: Path) -> Path:
    """The .docx laid out on A4 pages, with its first section's header and footer."""
    _app = QGuiApplication.instance() or QGuiApplication([])
    document = docx.Document(str(source))
    header = document.sections[0].header.paragraphs[0].text if document.sections else ""
    footer = document.sections[0].footer.paragraphs[0].text if document.sections else ""
    with tempfile.TemporaryDirectory() as temp:
        text = QTextDocument()
        text.setDefaultStyleSheet(STYLE)
        text.setDefaultFont(QFont("DejaVu Sans", 9))
        text.setHtml(as_html(document, Path(temp)))
        writer = QPdfWriter(str(pdf))
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                        QMarginsF(0, 0, 0, 0))
        )  # fmt: skip
        writer.setTitle(document.core_properties.title)
        _paint(text, writer, header, footer)
    return pdf


def _paint(text: QTextDocument, writer: QPdfWriter, header: str, footer: str) -> None:
    width, height = 210 * MM, 297 * MM
    margin, top = 20 * MM, 25 * MM
    body = QSizeF(width - 2 * margin, height - 2 * top)
    text.documentLayout().setPaintDevice(writer)
    text.setPageSize(body)
    painter = QPainter(writer)
    small = QFont("DejaVu Sans", 8)
    for page in range(text.pageCount()):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(margin, top - page * body.height())
        text.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
        painter.restore()
        painter.setFont(small)
        painter.setPen(Qt.GlobalColor.darkGray)
        if header:
            painter.drawText(QRectF(margin, 10 * MM, body.width(), 8 * MM), header)
        words = f"{footer}    page {page + 1}" if footer else f"page {page + 1}"
        painter.drawText(QRectF(margin, height - 15 * MM, body.width(), 8 * MM), words)
    painter.end()
