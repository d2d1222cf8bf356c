"""The Word document a chapter is written into: a new one, or the partnership's own template
(its styles, logo, headers and footers kept; anything written in its body kept above)."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from lxml.etree import LxmlError

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_TYPES = (b"ms-word.document.macroEnabled", b"ms-word.template.macroEnabledTemplate")


# What python-docx and lxml raise on a Word file whose inside is damaged.
_DAMAGED = (OpcError, KeyError, ValueError, AttributeError, zipfile.BadZipFile, LxmlError)


class TemplateError(ValueError):
    """The template given is not a Word document the chapter can be written into."""


def open_template(content: bytes | None, name: str = "") -> Document:
    """A new document, or one built on the template's bytes; TemplateError, in one sentence,
    when they are not a Word document."""
    if content is None:
        return docx.Document()
    refusal = TemplateError(f"'{name}' is not a Word document (.docx), so it cannot be used.")
    if not zipfile.is_zipfile(BytesIO(content)):
        raise refusal
    try:
        document = docx.Document(BytesIO(_as_document(content, name, refusal)))
    except TemplateError:
        raise
    except _DAMAGED as exc:
        raise TemplateError(
            f"'{name}' cannot be read as a Word document (.docx): it may be damaged."
        ) from exc
    _tidy_body(document)
    return document


def _as_document(content: bytes, name: str, refusal: TemplateError) -> bytes:
    """A Word template (.dotx) read as the document it starts; a macro file or another
    kind of file refused."""
    with zipfile.ZipFile(BytesIO(content)) as source:
        try:
            types = source.read("[Content_Types].xml")
        except KeyError as exc:
            raise refusal from exc
        if any(kind in types for kind in _MACRO_TYPES):
            raise TemplateError(
                f"'{name}' holds macros: save it as a plain Word document (.docx) and use that."
            )
        if _declares_entities(source):
            raise TemplateError(
                f"'{name}' cannot be read as a Word document (.docx): it may be damaged."
            )
        if _DOCUMENT_TYPE in types:
            return content
        if _TEMPLATE_TYPE not in types:
            raise refusal
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                copy.writestr(item, data)
        return out.getvalue()


def _declares_entities(source: zipfile.ZipFile) -> bool:
    """Whether any XML part carries a document type declaration: Word never writes one,
    and its entities would be left unexpanded, making the chapter written on it unreadable."""
    for item in source.infolist():
        if item.filename.endswith((".xml", ".rels")):
            with source.open(item) as part:
                if b"<!doctype" in part.read().lower():
                    return True
    return False


def _tidy_body(document: Document) -> None:
    """Empty paragraphs at the end of the template go; when its body has words or pictures
    (a cover, a foreword), they stay and the chapter starts on a new page after them."""
    body = document.element.body
    for element in reversed(list(body)):
        if element.tag == qn("w:sectPr"):
            continue
        if element.tag == qn("w:p") and not _has_content(element):
            body.remove(element)
        else:
            break
    if any(element.tag != qn("w:sectPr") for element in body):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _has_content(element: object) -> bool:
    text = "".join(element.itertext()).strip()  # type: ignore[attr-defined]
    pictures = element.findall(".//" + qn("w:drawing"))  # type: ignore[attr-defined]
    return bool(text or pictures)
