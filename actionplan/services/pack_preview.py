"""Page 1 of a board pack before it is saved: the drafts of its key messages and its picture."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.services.errors import ServiceError
from actionplan.services.key_messages import draft_key_messages
from actionplan.services.pack_settings import PackSettings
from actionplan.services.report import Progress, board_pack_data, make_report
from actionplan.store.database import Database


@dataclass(frozen=True)
class PackChoices:
    """What a board pack is to cover and carry, as chosen in the window."""

    plan_name: str | None
    as_of: date
    priority: str | None
    marking: str
    settings: PackSettings


@dataclass(frozen=True)
class PageImage:
    """A rendered page as raw pixels, rows ``stride`` bytes apart, in ``mode`` ("BGR", …)."""

    width: int
    height: int
    stride: int
    mode: str
    pixels: bytes


def drafted_messages(
    db: Database, plan_name: str | None, as_of: date, priority: str | None = None
) -> list[str]:
    """The key messages drafted from the plan's figures as at ``as_of`` (one priority's
    when given)."""
    return draft_key_messages(board_pack_data(db, plan_name, as_of, priority))


def preview_page_one(
    db: Database, choices: PackChoices, width: int, progress: Progress | None = None
) -> PageImage:
    """The executive summary of the pack these choices would print, ``width`` pixels wide:
    page 1, or the page after the cover when the pack starts with one (the cover holds none
    of the words being edited, and the appendix none of page 1's, so neither is made).

    The pack is written to a temporary file that is gone when this returns; with no key
    messages chosen, page 1 carries the drafts, as the printed pack would.
    """
    settings = choices.settings
    with tempfile.TemporaryDirectory(prefix="actionplan-preview-") as folder:
        pdf = make_report(
            db, Path(folder) / "preview.pdf", choices.plan_name, choices.as_of,
            choices.priority, choices.marking, False, progress,
            cover=False, key_messages=settings.key_messages or None,
            board_asked=settings.board_asked,
        )  # fmt: skip
        return first_page(pdf, width)


def first_page(pdf_path: Path, width: int) -> PageImage:
    """Page 1 of a PDF as pixels, ``width`` wide; the file is closed again before returning."""
    import pypdfium2 as pdfium  # loads only when a page is shown

    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError as exc:
        raise ServiceError(f"Page 1 could not be read back from the pack ({exc}).") from exc
    try:
        page = pdf[0]
        try:
            bitmap = page.render(scale=max(width, 1) / page.get_width())
            try:
                return PageImage(
                    bitmap.width, bitmap.height, bitmap.stride, bitmap.mode, bytes(bitmap.buffer)
                )
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        pdf.close()
