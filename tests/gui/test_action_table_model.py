"""ActionTableModel and ActionFilterModel without a window: columns, sorting and filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui.models.action_filter_model import ActionFilter, ActionFilterModel
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.actions import ActionRow


def _row(action_id: int, ref: str, rag: Rag, due: date | None, text: str = "x") -> ActionRow:
    return ActionRow(
        id=action_id, priority_id=1, priority_title="P", outcome_id=None, outcome_title="",
        ref=ref, text=text, leads=("Police",), agencies=("Met",), lead_raw="Police",
        timescale_raw="", due_date=due, status=Status.IN_PROGRESS, rag=rag,
        suggested_rag=Rag.GREEN, suggestion_reason="on track", overdue=False, stale=False,
        latest_update="", latest_update_date=None, latest_update_author="", how_we_know="",
    )  # fmt: skip


def _model() -> ActionTableModel:
    model = ActionTableModel()
    model.set_rows(
        [
            _row(1, "1.10", Rag.GREEN, date(2025, 5, 1), "Train taxi drivers"),
            _row(2, "1.2", Rag.RED, None, "Map hotspots"),
            _row(3, "1.9", Rag.AMBER, date(2025, 1, 1), "Audit"),
        ]
    )
    return model


def test_rag_shows_as_a_word_not_only_a_colour() -> None:
    """The RAG column's text is the word, so a colour-blind reader can read it."""
    model = _model()
    assert model.index(1, ActionTableModel.RAG).data() == "Red"
    assert model.index(0, ActionTableModel.DUE).data() == "1 May 2025"


def test_refs_sort_as_numbers_and_rag_by_severity() -> None:
    """1.2 comes before 1.9 before 1.10; red sorts before amber and green."""
    model = _model()
    model.sort(ActionTableModel.REF, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(i).ref for i in range(3)] == ["1.2", "1.9", "1.10"]
    model.sort(ActionTableModel.RAG, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(i).rag for i in range(3)] == [Rag.RED, Rag.AMBER, Rag.GREEN]
    model.sort(ActionTableModel.DUE, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(i).id for i in range(3)] == [3, 1, 2]


def test_filter_by_words_rag_and_agency() -> None:
    """Every search word must match; RAG and agency narrow further."""
    proxy = ActionFilterModel()
    proxy.setSourceModel(_model())
    proxy.set_filter(ActionFilter(text="TAXI train"))
    assert proxy.rowCount() == 1
    proxy.set_filter(ActionFilter(rags={Rag.RED, Rag.AMBER}))
    assert proxy.rowCount() == 2
    proxy.set_filter(ActionFilter(agency="Met"))
    assert proxy.rowCount() == 3
    proxy.set_filter(ActionFilter(agency="Health"))
    assert proxy.rowCount() == 0


def test_rag_chip_is_painted_in_the_rag_colour_with_its_word(qtbot: object) -> None:
    """The RAG cell is drawn as a coloured chip (and the model still gives the word)."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QTableView

    from actionplan.gui.widgets.rag_chip import RagChipDelegate

    model = _model()
    view = QTableView()
    view.setModel(model)
    delegate = RagChipDelegate(ActionTableModel.RAG_ROLE, view)
    view.setItemDelegateForColumn(ActionTableModel.RAG, delegate)
    view.resize(900, 200)
    view.setColumnWidth(ActionTableModel.RAG, 110)
    view.show()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(1, ActionTableModel.RAG))
    ratio = image.devicePixelRatio()
    centre = image.pixelColor(int((rect.center().x() - 40) * ratio), int(rect.center().y() * ratio))
    assert centre == QColor(Rag.RED.colour)


def test_a_real_excel_date_shows_as_a_uk_date_in_the_timescale_column() -> None:
    """The ISO text kept for a date cell reads "31 Mar 2026"; words people wrote stay as written."""
    model = ActionTableModel()
    dated = _row(1, "1.1", Rag.GREEN, date(2026, 3, 31))
    worded = _row(2, "1.2", Rag.GREEN, date(2025, 10, 31))
    model.set_rows([
        replace(dated, timescale_raw="2026-03-31"),
        replace(worded, timescale_raw="Sept/Oct 2025"),
    ])  # fmt: skip
    assert model.index(0, ActionTableModel.TIMESCALE).data() == "31 Mar 2026"
    assert model.index(1, ActionTableModel.TIMESCALE).data() == "Sept/Oct 2025"


def test_an_action_kept_in_view_stays_through_a_refilter_until_the_filter_changes() -> None:
    """Red and Amber chosen, the red one turned green: shown in italics while the same filter
    is applied again (a re-read of the plan), and hidden once another filter is chosen."""
    model = _model()
    proxy = ActionFilterModel()
    proxy.setSourceModel(model)
    red_or_amber = ActionFilter(rags={Rag.RED, Rag.AMBER})
    proxy.set_filter(red_or_amber)
    assert (proxy.rowCount(), proxy.hidden_count()) == (2, 1)
    proxy.keep_in_view([2])
    model.replace_rows([replace(model.row_at(1), rag=Rag.GREEN)])
    proxy.set_filter(ActionFilter(rags={Rag.RED, Rag.AMBER}))
    assert (proxy.rowCount(), proxy.hidden_count(), proxy.kept_count()) == (2, 1, 1)
    assert proxy.index(0, ActionTableModel.ACTION).data(Qt.ItemDataRole.FontRole).italic()
    assert proxy.index(1, ActionTableModel.ACTION).data(Qt.ItemDataRole.FontRole) is None
    proxy.set_filter(ActionFilter(rags={Rag.AMBER}))
    assert (proxy.rowCount(), proxy.hidden_count(), proxy.kept_count()) == (1, 2, 0)
