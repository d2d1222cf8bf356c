"""SheetPreviewTableModel without a window: headings, row numbers and cells shown as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from actionplan.gui.models.sheet_preview_table_model import SheetPreviewTableModel
from actionplan.services.import_sheets import PreviewColumn, PreviewSheet

HUGE = ("<b>Line</b> one of the review\n" * 4_000)[:100_000]


def _model(cells: tuple[str, ...]) -> SheetPreviewTableModel:
    columns = (
        PreviewColumn(1, "A", "What we will do", "action", "Action"),
        PreviewColumn(2, "B", "", "ignore", "Not imported"),
    )
    model = SheetPreviewTableModel()
    model.set_sheet(PreviewSheet("Plan", "actions", 3, columns, ((4, cells), (9, ("", "")))))
    return model


def _shown_as(tooltip: str) -> str:
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_headings_name_the_field_over_the_workbook_heading_and_rows_keep_their_numbers() -> None:
    """A column with no heading shows its letter; rows show the workbook's row numbers."""
    model = _model(("Train staff", "spare"))
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert [model.headerData(c, horizontal) for c in range(2)] == [
        "Action\nWhat we will do",
        "Not imported\nB",
    ]
    assert [model.headerData(r, vertical) for r in range(2)] == ["4", "9"]
    assert model.headerData(1, horizontal, SheetPreviewTableModel.FIELD_ROLE) == "ignore"
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_100000_character_cell_shows_one_short_line_and_a_tooltip_of_plain_text() -> None:
    """A huge cell is cut to one line with "…"; its tooltip shows the words, never bold."""
    model = _model((HUGE, ""))
    shown = model.index(0, 0).data()
    assert shown.startswith("<b>Line</b> one of the review <b>Line</b>")
    assert shown.endswith("…") and "\n" not in shown and len(shown) <= 120
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert _shown_as(tip).startswith("<b>Line</b> one of the review\n<b>Line</b>")
    assert _shown_as(tip).endswith("… (98,000 more characters)")
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None  # an empty cell: none
