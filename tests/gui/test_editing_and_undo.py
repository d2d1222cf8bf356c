"""Editing an action in the detail panel, recording progress, and undoing both."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt

from actionplan.domain.rag import Rag
from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.services.actions import action_rows
from actionplan.services.progress import history
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import fill_progress

Opener = Callable[[], MainWindow]


def _one_action(factory: PlanFactory) -> int:
    priority = factory.priority("Neglect")
    return factory.action(
        priority, "Launch the neglect toolkit", lead="Health", timescale="2030-31"
    )


@pytest.mark.both_engines
def test_edit_in_the_detail_panel_saves_and_undo_restores(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Saved words reach the database at once; Undo puts the old words back."""
    action_id = _one_action(factory)
    window = open_window()
    window.plan_view.select_action(action_id)
    detail = window.plan_view.detail
    assert not detail.save_button.isEnabled()
    detail.text.setPlainText("Launch the neglect toolkit in all schools")
    detail.leads.setText("Health / Education")
    detail.leads.textEdited.emit("Health / Education")
    assert detail.save_button.isEnabled()
    detail.save_button.click()
    [row] = action_rows(db, factory.plan.id, date(2025, 1, 1))
    assert (row.text, row.leads) == (
        "Launch the neglect toolkit in all schools",
        ("Health", "Education"),
    )
    window.commands.undo_action.trigger()
    [row] = action_rows(db, factory.plan.id, date(2025, 1, 1))
    assert (row.text, row.leads) == ("Launch the neglect toolkit", ("Health",))
    assert detail.text.toPlainText() == "Launch the neglect toolkit"
    window.commands.redo_action.trigger()
    assert action_rows(db, factory.plan.id, date(2025, 1, 1))[0].text.endswith("in all schools")


@pytest.mark.both_engines
def test_undo_takes_back_recorded_progress(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Undo removes the update just recorded and restores the RAG; Redo records it again."""
    action_id = _one_action(factory)
    window = open_window()
    fill_progress(window, action_id, "Toolkit launched at the practitioner forum").accept()
    assert [u.text for u in history(db, action_id)] == [
        "Toolkit launched at the practitioner forum"
    ]
    assert window.plan_view.table_model.row_at(0).rag is Rag.GREEN
    window.commands.undo_action.trigger()
    assert history(db, action_id) == []
    assert window.plan_view.table_model.row_at(0).rag is Rag.UNRATED
    window.commands.redo_action.trigger()
    assert len(history(db, action_id)) == 1


def test_filters_and_hidden_columns_are_remembered(
    factory: PlanFactory, open_window: Opener
) -> None:
    """Closing and reopening the window brings back the user's filter and columns."""
    _one_action(factory)
    first = open_window()
    first.plan_view.filter_bar.search.setText("toolkit")
    first.plan_view.filter_bar.overdue.setChecked(True)
    first.plan_view.hide_columns([2, 7])
    header = first.plan_view.table.horizontalHeader()
    header.moveSection(header.visualIndex(ActionTableModel.RAG), 1)  # RAG next to Ref
    first.plan_view.table.sortByColumn(ActionTableModel.DUE, Qt.SortOrder.AscendingOrder)
    first.close()
    second = open_window()
    assert second.plan_view.filter_bar.search.text() == "toolkit"
    assert second.plan_view.filter_bar.overdue.isChecked()
    assert second.plan_view.hidden_columns() == [2, 7]
    again = second.plan_view.table.horizontalHeader()
    assert again.visualIndex(ActionTableModel.RAG) == 1
    assert again.sortIndicatorSection() == -1  # the plan's own order at start


def test_a_date_cell_timescale_reads_as_a_date_and_is_kept_unless_retyped(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """A timescale imported from an Excel date shows as "31 Mar 2026", not machine text."""
    priority = factory.priority("Neglect")
    action_id = factory.action(priority, "Refresh the neglect strategy", timescale="2026-03-31")
    window = open_window()
    window.plan_view.select_action(action_id)
    detail = window.plan_view.detail
    assert detail.timescale.text() == "31 Mar 2026"
    detail.leads.setText("Neglect Strategy Group")
    detail.leads.textEdited.emit("Neglect Strategy Group")
    detail.save_button.click()
    [row] = action_rows(db, factory.plan.id, date(2025, 1, 1))
    assert (row.lead_text, row.timescale_raw) == ("Neglect Strategy Group", "2026-03-31")
    detail.timescale.setText("Q4 2026/27")
    detail.timescale.textEdited.emit("Q4 2026/27")
    detail.save_button.click()
    [row] = action_rows(db, factory.plan.id, date(2025, 1, 1))
    assert row.timescale_raw == "Q4 2026/27"


def test_long_lead_names_read_from_their_start(factory: PlanFactory, open_window: Opener) -> None:
    """The Leads box shows the first name, not the tail of the last one."""
    priority = factory.priority("Exploitation")
    leads = "Marek Dvořák; Missing Children Coordinator; Police Partnership Inspector"
    action_id = factory.action(priority, "Return home interviews", lead=leads)
    window = open_window()
    window.plan_view.select_action(action_id)
    detail = window.plan_view.detail
    assert detail.leads.text() == leads
    assert detail.leads.cursorPosition() == 0


def test_a_saved_change_keeps_the_table_in_the_order_the_user_chose(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Sorted by due date, an edit changes that one row in place: no jump back to plan order."""
    priority = factory.priority("Neglect")
    ids = [
        factory.action(priority, text, timescale=due, lead="Health")
        for text, due in (
            ("Audit neglect cases", "March 2031"),
            ("Dental pathway", "May 2030"),
            ("Refresh strategy", "January 2032"),
        )
    ]
    window = open_window()
    view = window.plan_view
    view.table.sortByColumn(ActionTableModel.DUE, Qt.SortOrder.AscendingOrder)
    shown = [view.filter_model.index(r, ActionTableModel.ACTION).data() for r in range(3)]
    assert shown == ["Dental pathway", "Audit neglect cases", "Refresh strategy"]
    view.select_action(ids[2])
    detail = view.detail
    detail.leads.setText("Health / Neglect Strategy Group")
    detail.leads.textEdited.emit("Health / Neglect Strategy Group")
    detail.save_button.click()
    after = [view.filter_model.index(r, ActionTableModel.ACTION).data() for r in range(3)]
    assert after == shown
    assert view.filter_model.index(2, ActionTableModel.LEADS).data() == (
        "Health; Neglect Strategy Group"
    )
    assert detail.action_id == ids[2]
    assert "Neglect Strategy Group" in [
        view.filter_bar.lead.itemText(i) for i in range(view.filter_bar.lead.count())
    ]


def test_refresh_keeps_the_order_the_user_chose(factory: PlanFactory, open_window: Opener) -> None:
    """Reading the whole plan again (View > Refresh) sorts it as the heading says."""
    priority = factory.priority("Neglect")
    for text, due in (("Audit", "March 2031"), ("Dental", "May 2030"), ("Refresh", "June 2029")):
        factory.action(priority, text, timescale=due)
    window = open_window()
    view = window.plan_view
    view.table.sortByColumn(ActionTableModel.DUE, Qt.SortOrder.AscendingOrder)
    window.commands.refresh_action.trigger()
    shown = [view.filter_model.index(r, ActionTableModel.ACTION).data() for r in range(3)]
    assert shown == ["Refresh", "Dental", "Audit"]


def test_an_edit_that_no_longer_matches_the_filter_stays_until_the_filter_changes(
    factory: PlanFactory, open_window: Opener
) -> None:
    """Filtered to Health's actions, one handed to Education stays in view, counted as no
    longer matching, until the filter changes; then it leaves the list and the count."""
    priority = factory.priority("Neglect")
    moved = factory.action(priority, "Dental pathway", lead="Health")
    factory.action(priority, "Health visiting audit", lead="Health")
    factory.action(priority, "School nurse briefings", lead="Education")
    window = open_window()
    view = window.plan_view
    bar = view.filter_bar
    bar.lead.setCurrentIndex(bar.lead.findData("Health"))
    assert view.filter_model.rowCount() == 2
    assert view.count_label.text() == "2 of 3 actions — 1 hidden by filters"
    view.select_action(moved)
    view.detail.leads.setText("Education")
    view.detail.leads.textEdited.emit("Education")
    view.detail.save_button.click()
    assert view.filter_model.rowCount() == 2
    assert view.count_label.text() == (
        "2 of 3 actions — 1 hidden by filters; 1 no longer matches them (in italics)"
    )
    dashboard_total = sum(row.total for row in view.dashboard.chart.rows)
    assert dashboard_total == 3
    window.commands.undo_action.trigger()
    assert view.filter_model.rowCount() == 2
    assert view.count_label.text() == "2 of 3 actions — 1 hidden by filters"
    window.commands.redo_action.trigger()
    bar.search.setText("a")  # any change of filter lets go of the action
    shown = [view.filter_model.index(r, ActionTableModel.ACTION).data() for r in range(1)]
    assert shown == ["Health visiting audit"] and view.filter_model.rowCount() == 1
    assert view.count_label.text() == "1 of 3 actions — 2 hidden by filters"
