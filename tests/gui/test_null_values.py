"""Null values cross the Qt binding without costing Python a reference to None.

PySide6-Essentials 6.12.0 on Python 3.11 dropped one reference to None each time a null
value crossed the binding; after about ten thousand the interpreter aborted ("deallocating
None") and the window vanished in the middle of a board cycle. Each call below is one the
app makes where the value may be null. It runs tens of thousands of times, and the count
of references to None is checked after every thousand, so a release with the same fault
fails here with a clear message instead of aborting the run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from actionplan.gui.models.action_filter_model import ActionFilterModel
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.gui.models.measure_table_model import MeasureTableModel
from actionplan.gui.pages.action_detail_panel import ActionDetailPanel
from actionplan.gui.settings import LAST_PLAN, Settings
from actionplan.services.actions import action_rows
from actionplan.services.measure_rows import measure_rows
from actionplan.services.outline import plan_outline
from tests.conftest import PlanFactory

TIMES = 20_000
CHUNK = 200
# The same release also lost references to True and False (a signal's emit() returns one).
WATCHED = (None, True, False)
# References a faulty binding took are given back here, so one failure does not abort the run.
_GIVEN_BACK: list[object] = []
# Every role a view asks of a model while painting, sizing and showing tooltips.
ROLES = [
    *range(int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ForegroundRole) + 1),
    int(Qt.ItemDataRole.CheckStateRole),
    int(Qt.ItemDataRole.UserRole) + 40,  # a role no model of ours answers
]


def assert_keeps_none(call: Callable[[], object], times: int = TIMES) -> None:
    """Run ``call`` many times; fail (before the interpreter would abort) if None, True or
    False lose references."""
    start = [sys.getrefcount(value) for value in WATCHED]
    for done in range(0, times, CHUNK):
        for _ in range(CHUNK):
            call()
        lost = {
            repr(value): before - sys.getrefcount(value)
            for value, before in zip(WATCHED, start, strict=True)
        }
        # A few references come and go with the objects made by the first calls; a faulty
        # binding loses one per call, hundreds by now.
        if max(lost.values()) >= 50:
            for value in WATCHED:
                _GIVEN_BACK.extend([value] * max(lost[repr(value)], 0))
            pytest.fail(f"references lost after {done + CHUNK} calls: {lost}")


class _Emitter(QObject):
    """A signal carrying an object that may be None, like PlanView.action_selected."""

    sent = Signal(object)


def test_combo_box_items_with_no_data_keep_none(qtbot: QtBot) -> None:
    """ "No outcome", "Whole plan" and "All priorities" are combo items whose data is None."""
    box = QComboBox()
    qtbot.addWidget(box)
    box.addItem("No outcome", None)
    box.addItem("Outcome 1", 7)
    assert_keeps_none(lambda: box.itemData(0))
    assert_keeps_none(box.currentData)
    assert_keeps_none(lambda: box.findData(None))
    assert_keeps_none(lambda: box.setItemData(0, None))


def test_adding_combo_items_with_no_data_keeps_none(qtbot: QtBot) -> None:
    """Filling a box again and again (the detail panel does on every selection)."""
    box = QComboBox()
    qtbot.addWidget(box)

    def refill() -> None:
        box.clear()
        box.addItem("No outcome", None)

    assert_keeps_none(refill, TIMES // 4)


def test_standard_items_without_a_value_keep_none(qtbot: QtBot) -> None:
    """The navigator asks its plan row for an id it does not have."""
    model = QStandardItemModel()
    item = QStandardItem("Plan")
    model.appendRow(item)
    index = model.index(0, 0)
    assert_keeps_none(lambda: item.data(int(Qt.ItemDataRole.UserRole) + 2))
    assert_keeps_none(lambda: index.data(int(Qt.ItemDataRole.UserRole) + 2))
    assert_keeps_none(lambda: item.setData(None, int(Qt.ItemDataRole.UserRole) + 2))


def test_signals_carrying_none_keep_none(qtbot: QtBot) -> None:
    """No action selected is sent as None from the table to the detail panel."""
    emitter = _Emitter()
    received: list[object] = []
    emitter.sent.connect(lambda value: received.append(value) if len(received) < 1 else None)
    assert_keeps_none(lambda: emitter.sent.emit(None))
    assert received == [None]


def test_settings_never_written_keep_none(qtbot: QtBot, tmp_path: Path) -> None:
    """A preference never stored reads back as None before its default is used."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    assert_keeps_none(lambda: store.value("never/written"))
    assert_keeps_none(lambda: settings.get(LAST_PLAN), TIMES // 4)


def test_actions_with_no_data_keep_none(qtbot: QtBot) -> None:
    """A menu action's data, never set, is None."""
    action = QAction("Undo")
    assert_keeps_none(action.data)


@pytest.fixture
def big_enough_plan(factory: PlanFactory) -> PlanFactory:
    """A plan whose actions have the empty fields real plans have (no lead, no date)."""
    priority = factory.priority()
    factory.action(priority, "Run a joint audit", ref="1.1", lead="", timescale="")
    factory.action(priority, "Train every school", ref="1.2", timescale="Ongoing")
    return factory


def test_action_table_roles_that_have_no_value_keep_none(
    qtbot: QtBot, big_enough_plan: PlanFactory, as_of: date
) -> None:
    """Views ask the actions table for every role of every cell, most of which are None."""
    db, plan = big_enough_plan.db, big_enough_plan.plan
    model = ActionTableModel()
    model.set_rows(action_rows(db, plan.id, as_of))
    filtered = ActionFilterModel()
    filtered.setSourceModel(model)
    cells = [
        filtered.index(row, column)
        for row in range(filtered.rowCount())
        for column in range(filtered.columnCount())
    ]

    def ask_every_role() -> None:
        for index in cells:
            for role in ROLES:
                index.data(role)

    assert_keeps_none(ask_every_role, TIMES // (len(cells) * len(ROLES)) + CHUNK)


def test_measure_table_roles_that_have_no_value_keep_none(
    qtbot: QtBot, big_enough_plan: PlanFactory
) -> None:
    """The measures table has no rows yet: header and empty cells answer None."""
    db, plan = big_enough_plan.db, big_enough_plan.plan
    model = MeasureTableModel()
    model.set_rows(measure_rows(db, plan.id))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    vertical = Qt.Orientation.Vertical
    assert_keeps_none(lambda: proxy.headerData(0, vertical, Qt.ItemDataRole.DisplayRole))
    assert_keeps_none(lambda: proxy.headerData(0, Qt.Orientation.Horizontal, 40))


def test_detail_panel_with_an_action_outside_any_outcome_keeps_none(
    qtbot: QtBot, big_enough_plan: PlanFactory, as_of: date
) -> None:
    """Reading the panel's words reads "No outcome" (None) from its outcome box."""
    db, plan = big_enough_plan.db, big_enough_plan.plan
    panel = ActionDetailPanel()
    qtbot.addWidget(panel)
    row = action_rows(db, plan.id, as_of)[0]
    panel.show_action(row, [], None, plan_outline(db, plan.id))
    assert panel.outcome.currentData() is None
    assert_keeps_none(panel.edited_draft)
