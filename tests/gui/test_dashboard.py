"""The dashboard: RAG per priority as a chart, overdue and stale actions one click away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from tests.conftest import PlanFactory

Opener = Callable[[], MainWindow]


def test_chart_counts_each_priority_and_rag(factory: PlanFactory, open_window: Opener) -> None:
    """Each priority gets a bar whose counts match its actions' RAG."""
    risk, send = factory.priority("Contextual Risk"), factory.priority("SEND")
    for rag in ("R", "R", "A"):
        factory.action(risk, f"risk {rag}", rag=rag)
    factory.action(send, "send", rag="B")
    window = open_window()
    rows = window.plan_view.dashboard.chart.rows
    assert [(r.label, r.counts.get(Rag.RED, 0), r.total) for r in rows] == [
        ("Contextual Risk", 2, 3),
        ("SEND", 0, 1),
    ]
    assert "4 actions" in window.plan_view.dashboard.headline.text()
    image = window.plan_view.dashboard.chart.grab().toImage()
    assert not image.isNull() and image.width() > 0


def test_overdue_list_leads_to_the_action(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """One click on an overdue action on the dashboard selects it on the Actions tab."""
    priority = factory.priority("Under Fives")
    factory.action(priority, "On time", timescale="2035-36")
    late = factory.action(priority, "Safe sleep campaign", timescale="January 2020")
    window = open_window()
    dashboard = window.plan_view.dashboard
    assert dashboard.overdue_model.rowCount() == 1
    assert dashboard.overdue_box.title() == "Overdue (1)"
    # Neither action has had an update: both count as "no update recorded".
    assert dashboard.stale_box.title() == "No update for 90 days (2)"
    index = dashboard.overdue_model.index(0, ActionTableModel.ACTION)
    assert index.data() == "Safe sleep campaign"
    window.plan_view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(
        dashboard.overdue_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dashboard.overdue_view.visualRect(index).center(),
    )
    assert window.plan_view.tabs.currentIndex() == 0
    assert window.plan_view.detail.action_id == late
