"""The measures tab: readings, the trend chart, adding a reading and undoing it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from actionplan.domain.measures import MeasureStatus, Trend
from actionplan.gui.main_window import MainWindow
from actionplan.services.impact import add_measure, add_reading
from actionplan.services.measure_rows import measure_rows
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, shown

Opener = Callable[[], MainWindow]


def _measure(db: Database, factory: PlanFactory) -> int:
    priority = factory.priority("Child Protection")
    measure = add_measure(
        db, factory.plan.id, "ICPCs within 15 working days", "%", "Higher", 77.0, 85.0, priority
    )
    for period, value in (("2022-23", 77.0), ("2023-24", 84.0)):
        add_reading(db, measure, period, value)
    return measure


def test_measures_tab_shows_latest_status_and_trend(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Each measure shows its latest reading, whether the target is met and the trend."""
    _measure(db, factory)
    page = open_window().plan_view.measures
    assert page.model.rowCount() == 1
    cells = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert cells == [
        "ICPCs within 15 working days", "Child Protection", "77%", "84%", "85%",
        "Higher", "Below target", "Improving",
    ]  # fmt: skip
    page.table.selectRow(0)
    assert page.chart.points() == [("2022-23", 77.0), ("2023-24", 84.0)]
    assert "2023-24" in page.readings.toPlainText()


def test_plan_wide_measures_say_so_and_give_the_names_room(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """A measure of the whole plan reads "Whole plan"; with only those, no Priority column."""
    long_name = "Return home interviews offered within 72 hours of every missing episode"
    add_measure(db, factory.plan.id, long_name, "%", "Higher", 82.2, 90.0)
    page = open_window().plan_view.measures
    name = page.model.index(0, page.model.NAME)
    assert page.model.index(0, page.model.PRIORITY).data() == "Whole plan"
    assert shown(name.data(Qt.ItemDataRole.ToolTipRole)) == long_name
    assert page.table.isColumnHidden(page.model.PRIORITY)
    _measure(db, factory)
    page.set_rows(measure_rows(db, factory.plan.id))
    assert not page.table.isColumnHidden(page.model.PRIORITY)


def test_adding_a_reading_updates_the_chart_and_undo_removes_it(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """A new reading is saved at once, changes status and trend, and Undo takes it away."""
    measure = _measure(db, factory)
    window = open_window()
    page = window.plan_view.measures
    page.table.selectRow(0)
    page.add_button.click()
    dialog = window.edits.reading_dialog
    dialog.period.setText("2024-25")
    dialog.value.setText("88%")
    dialog.accept()
    [row] = measure_rows(db, factory.plan.id)
    assert (row.latest, row.status, row.trend) == (88.0, MeasureStatus.MET, Trend.IMPROVING)
    assert page.chart.points()[-1] == ("2024-25", 88.0)
    window.commands.undo_action.trigger()
    [row] = measure_rows(db, factory.plan.id)
    assert [r.period_label for r in row.readings] == ["2022-23", "2023-24"]
    assert row.id == measure


def test_a_new_measure_is_added_from_the_measures_tab_and_undo_takes_it_away(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Name, unit, direction, baseline and target as typed; numbers read as people write them."""
    send = factory.priority("SEND")
    window = open_window()
    page = window.plan_view.measures
    assert page.empty.isVisibleTo(page)
    window.plan_view.choose_priority(send)
    page.new_button.click()
    dialog = window.edits.measure_dialog
    assert dialog is not None
    assert dialog.priority.currentData() == send
    dialog.name.setText("Re-referrals to children's social care <12 months")
    dialog.unit.setText("%")
    dialog.direction.setCurrentIndex(dialog.direction.findData("lower"))
    dialog.baseline.setText("16.1%")
    dialog.target.setText("15")
    dialog.accept()
    [row] = measure_rows(db, factory.plan.id)
    assert (row.name, row.priority_title, row.baseline, row.target, row.direction.value) == (
        "Re-referrals to children's social care <12 months",
        "SEND",
        16.1,
        15.0,
        "lower",
    )
    assert page.selected is not None and page.selected.id == row.id
    window.commands.undo_action.trigger()
    assert measure_rows(db, factory.plan.id) == []
    window.commands.redo_action.trigger()
    assert [m.id for m in measure_rows(db, factory.plan.id)] == [row.id]


def test_a_measure_without_a_name_is_refused_in_one_sentence(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Nothing is saved and the window says what is missing."""
    window = open_window()
    window.plan_view.measures.new_button.click()
    dialog = window.edits.measure_dialog
    dialog.name.setText("   ")
    dialog.accept()
    assert answers.said == [("warn", "A measure needs a name saying what is counted.")]
    assert measure_rows(db, factory.plan.id) == []


def test_deleting_a_measure_asks_and_undo_brings_back_its_readings(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The question counts the readings; Undo restores the measure with all of them."""
    _measure(db, factory)
    window = open_window()
    page = window.plan_view.measures
    page.table.selectRow(0)
    answers.confirms.append(True)
    page.delete_button.click()
    assert answers.asked == [
        'Delete the measure "ICPCs within 15 working days"? Its 2 readings will be deleted too. '
        "You can undo this (Ctrl+Z) until you close actionplan."
    ]
    assert measure_rows(db, factory.plan.id) == []
    assert page.empty.isVisibleTo(page)
    window.commands.undo_action.trigger()
    [row] = measure_rows(db, factory.plan.id)
    assert [r.period_label for r in row.readings] == ["2022-23", "2023-24"]


def test_a_measure_is_edited_with_its_old_values_filled_in_and_undo_restores_them(
    db: Database, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """A new target for the year; the readings stay; Undo puts the old target back."""
    measure = _measure(db, factory)
    window = open_window()
    page = window.plan_view.measures
    page.table.selectRow(0)
    page.edit_button.click()
    dialog = window.edits.measure_dialog
    assert dialog is not None
    assert (dialog.name.text(), dialog.unit.text(), dialog.target.text()) == (
        "ICPCs within 15 working days",
        "%",
        "85",
    )
    assert dialog.direction.currentData() == "higher"
    dialog.target.setText("90%")
    dialog.priority.setCurrentIndex(0)  # the whole plan
    dialog.accept()
    [row] = measure_rows(db, factory.plan.id)
    assert (row.id, row.target, row.priority_title, len(row.readings)) == (measure, 90.0, "", 2)
    assert row.status is MeasureStatus.NOT_MET
    window.commands.undo_action.trigger()
    [row] = measure_rows(db, factory.plan.id)
    assert (row.target, row.priority_title) == (85.0, "Child Protection")
