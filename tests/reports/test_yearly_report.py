"""The progress chapter as a Word file: headings, tables, pictures and words a reader
and a screen reader can use, on our own document or a partnership's template."""

from __future__ import annotations

import zipfile
from datetime import date
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from actionplan.domain.measures import Direction
from actionplan.domain.plan_data import NarrativeData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.reports.board_pack_data import ComparatorFigure, MeasureLine, Reading
from actionplan.reports.word_template import TemplateError
from actionplan.reports.yearly_data import LeadQuote, PriorityYear, YearAction, YearlyReportData
from actionplan.reports.yearly_report import write_yearly_report
from tests.reports.docx_helpers import (
    all_text,
    header_flags,
    headings,
    languages,
    opened,
    pictures,
)

HOSTILE = [
    '<w:p>not markup</w:p> & "quotes"',
    "=SUM(A1:A9)",
    "Zażółć gęślą jaźń — فاطمة الزهراء — Nguyễn Thị Lan — 児童保護 😀",
]


def _measure(name: str, values: list[float], direction: Direction) -> MeasureLine:
    labels = ["2022-23", "2023-24", "2024-25"][-len(values) :]
    return MeasureLine(
        name=name,
        unit="number",
        direction=direction,
        baseline=None,
        target=450.0,
        readings=tuple(Reading(label, v) for label, v in zip(labels, values, strict=True)),
        comparators=(ComparatorFigure("England", "2023-24", 420.0),),
    )


def _data() -> YearlyReportData:
    done = YearAction("1.1", "Launch the exploitation panel", "Police", "June 2024", Rag.BLUE,
                      Status.COMPLETE)  # fmt: skip
    late = YearAction("1.2", HOSTILE[0], HOSTILE[2], "Sept/Oct 2024", Rag.RED, Status.DELAYED)
    first = PriorityYear(
        number="1",
        title="Exploitation",
        aim="Children at risk are identified early.",
        champion="Det. Supt. Claire Whitfield",
        outcomes=("Fewer children go missing",),
        planned=(done, late),
        completed=(done,),
        quotes=(LeadQuote("1.2", HOSTILE[1] + "\x07\x0b", "Police", "12 Aug 2024"),),
        narrative=NarrativeData("2024-25", "Panel met fortnightly.", "", "Fewer missing.", "More"),
        measures=(_measure("Contacts", [398.0, 467.0], Direction.HIGHER),),
    )
    second = PriorityYear(number="2", title="Neglect", planned=(late,))
    return YearlyReportData("Northbridge SCP", "Plan 2024-25", date(2024, 4, 1),
                            date(2025, 3, 31), (first, second))  # fmt: skip


def _written(tmp_path: Path, template: bytes | None = None) -> docx.document.Document:
    out = tmp_path / "chapter.docx"
    write_yearly_report(_data(), out, template, "theirs.docx")
    return opened(out)


def test_headings_come_in_order_with_real_heading_styles(tmp_path: Path) -> None:
    """Heading 1 for the chapter, Heading 2 per priority, Heading 3 for each part."""
    found = headings(_written(tmp_path))
    parts = [
        ("Heading 3", "What we said we would do"),
        ("Heading 3", "What we did"),
        ("Heading 3", "The difference it made"),
        ("Heading 3", "Still to do and next steps"),
    ]
    assert found == [
        ("Heading 1", "Progress against our priorities"),
        ("Heading 2", "Priority 1: Exploitation"),
        *parts,
        ("Heading 2", "Priority 2: Neglect"),
        *parts,
    ]


def test_every_table_has_its_header_row_flagged_and_a_caption(tmp_path: Path) -> None:
    """Each table's first row is a header row (repeated, announced), with a caption above."""
    document = _written(tmp_path)
    assert len(document.tables) == 4  # RAG by priority, two action tables, one of measures
    assert header_flags(document) == [True] * 4
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert [c.split(":")[0] for c in captions if c.startswith("Table")] == [
        "Table 1", "Table 2", "Table 3", "Table 4",
    ]  # fmt: skip
    assert document.tables[0].rows[0].cells[4].text == "Blue – complete"


def test_every_picture_has_alternative_text_saying_what_it_shows(tmp_path: Path) -> None:
    """The RAG chart and the measure's chart each carry a description and a title."""
    shown = pictures(_written(tmp_path))
    assert len(shown) == 2
    assert all(p.get("descr", "").strip() and p.get("title", "").strip() for p in shown)
    assert "Priority 1: Exploitation: 1 red, 1 blue" in shown[0]["descr"]
    assert "Up from 398 in 2023-24 to 467 in 2024-25, better than last year" in shown[1]["descr"]


def test_title_and_language_are_set(tmp_path: Path) -> None:
    """Word, a screen reader and a website read the title and the language."""
    document = _written(tmp_path)
    assert document.core_properties.title == (
        "Northbridge SCP: progress against our priorities, 1 Apr 2024 to 31 Mar 2025"
    )
    assert document.core_properties.language == "en-GB"
    assert "en-GB" in languages(document)


def test_rag_is_always_in_words_and_the_trend_is_a_sentence(tmp_path: Path) -> None:
    """No meaning in colour alone: positions read "Red, delayed"; the measure's line says
    which way it went and whether that is better, by its direction."""
    text = all_text(_written(tmp_path))
    assert "Red, delayed" in text and "Blue, complete" in text
    assert "Contacts: Up from 398 in 2023-24 to 467 in 2024-25, better than last year." in text
    assert "England 2023-24 420" in text
    assert "450, met" in text


def test_hostile_words_arrive_as_typed_and_unwritable_characters_are_dropped(
    tmp_path: Path,
) -> None:
    """Markup, formula-looking text and any script are printed as typed; control
    characters Word cannot hold are dropped rather than breaking the file."""
    text = all_text(_written(tmp_path))
    for words in HOSTILE:
        assert words in text
    assert f"“{HOSTILE[1]}”" in text
    assert "\x07" not in text


def _template() -> bytes:
    """A partnership's template: its own Normal font, a header with its name, a cover line,
    and no heading styles at all."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.sections[0].header.paragraphs[0].text = "Northbridge SCP — OFFICIAL"
    document.add_paragraph("Annual report 2024-25")
    out = BytesIO()
    document.save(out)
    return _without_headings(out.getvalue())


def _without_headings(content: bytes) -> bytes:
    """The document without Word's heading, bullet list and table grid styles."""
    document = docx.Document(BytesIO(content))
    for style in list(document.styles):
        lacking = style.name.startswith("Heading") or style.name in ("List Bullet", "Table Grid")
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.TABLE) and lacking:
            style.element.getparent().remove(style.element)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_template_gives_its_styles_and_header_and_keeps_its_cover(tmp_path: Path) -> None:
    """The partnership's header and Normal font stay; its words come before the chapter;
    the heading styles it lacked are added, with their outline level."""
    document = _written(tmp_path, _template())
    assert document.sections[0].header.paragraphs[0].text == "Northbridge SCP — OFFICIAL"
    assert document.styles["Normal"].font.name == "Arial"
    assert document.paragraphs[0].text == "Annual report 2024-25"
    assert headings(document)[0] == ("Heading 1", "Progress against our priorities")
    outline = document.styles["Heading 2"].element.pPr.find(qn("w:outlineLvl"))
    assert outline is not None and outline.get(qn("w:val")) == "1"
    # No bullet style of its own: the bullet is in the words; no grid style: lines drawn.
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets[0] == "• Fewer children go missing"
    assert all(t._tbl.tblPr.find(qn("w:tblBorders")) is not None for t in document.tables)


# The order Word reads a table's properties in (ECMA-376 CT_TblPr).
TABLE_PROPERTIES = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)  # fmt: skip


@pytest.mark.parametrize("with_template", [False, True], ids=["ours", "theirs"])
def test_table_properties_are_in_the_order_word_reads_them(
    tmp_path: Path, with_template: bool
) -> None:
    """Word calls a file damaged when a table's properties are out of the schema's order."""
    document = _written(tmp_path, _template() if with_template else None)
    for grid in document.tables:
        names = [child.tag.split("}")[1] for child in grid._tbl.tblPr]
        assert names == sorted(names, key=TABLE_PROPERTIES.index)


def test_a_word_template_file_dotx_is_used_as_its_document(tmp_path: Path) -> None:
    """A .dotx (what Word saves a template as) works like a .docx."""
    source = BytesIO(_template())
    out = BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            new.writestr(item, data)
    document = _written(tmp_path, out.getvalue())
    assert document.sections[0].header.paragraphs[0].text == "Northbridge SCP — OFFICIAL"


@pytest.mark.parametrize(
    "content",
    [b"not a word file", b"PK\x03\x04 broken zip", b""],
    ids=["text", "broken-zip", "empty"],
)
def test_a_corrupt_template_is_refused_in_one_sentence(tmp_path: Path, content: bytes) -> None:
    """Anything but a Word document is refused with one sentence naming the file."""
    with pytest.raises(TemplateError, match=r"^'theirs.docx' is not a Word document"):
        _written(tmp_path, content)


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    """A workbook given as a template is not taken for one."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(TemplateError, match=r"^'theirs.docx' is not a Word document"):
        _written(tmp_path, out.getvalue())


def test_a_damaged_word_document_is_refused_in_one_sentence(tmp_path: Path) -> None:
    """A Word file whose document part is cut short says it may be damaged."""
    source, out = BytesIO(_template()), BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item, data[:40] if item.filename == "word/document.xml" else data)
    with pytest.raises(TemplateError, match=r"cannot be read as a Word document .* damaged"):
        _written(tmp_path, out.getvalue())


_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)


def test_a_template_with_an_entity_bomb_is_refused_without_expanding_it(
    tmp_path: Path,
) -> None:
    """A document part that defines entities to blow up in memory is refused at once."""
    source, out = BytesIO(_template()), BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                body = data.split(b"?>", 1)[1]
                data = _BOMB + body.replace(b"Annual report 2024-25", b"&lol4;")
            new.writestr(item, data)
    with pytest.raises(TemplateError, match="cannot be read as a Word document"):
        _written(tmp_path, out.getvalue())
    assert not (tmp_path / "chapter.docx").exists()
