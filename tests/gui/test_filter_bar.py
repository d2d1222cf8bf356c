"""The filter bar driven as a user would: per-database memory, Clear, the hidden sign, RAG."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui import settings as prefs
from actionplan.gui.main_window import MainWindow
from actionplan.gui.models.action_table_model import ActionTableModel
from actionplan.gui.pages.filter_bar import FilterBar
from actionplan.gui.pages.plan_view import PlanView
from actionplan.gui.settings import Settings
from actionplan.services.editing import action_draft, edit_action, plan_leads, set_lead_agency
from actionplan.services.plans import create_plan
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, fill_progress

Opener = Callable[[], MainWindow]


def _rated_plan(factory: PlanFactory) -> dict[str, int]:
    """Four actions, one of each RAG but blue, led by Police or Health."""
    neglect = factory.priority("Neglect")
    risk = factory.priority("Contextual Risk")
    return {
        "red": factory.action(neglect, "Neglect toolkit", lead="Health", rag="R"),
        "amber": factory.action(neglect, "Dental pathway", lead="Health", rag="A"),
        "green": factory.action(risk, "Safer Spaces", lead="Police", rag="G"),
        "unrated": factory.action(risk, "Map hotspots", lead="Police"),
    }


def _shown(view: PlanView) -> list[str]:
    model = view.filter_model
    return [model.index(r, ActionTableModel.ACTION).data() for r in range(model.rowCount())]


def _other_database(path: Path) -> None:
    """A second database with one plan of two actions."""
    other = Database.open(path)
    plan = create_plan(other, "Eastvale Safeguarding Plan 2026")
    place = PlanFactory(other, plan).priority("Exploitation")
    PlanFactory(other, plan).action(place, "Return home interviews", lead="Police")
    PlanFactory(other, plan).action(place, "Train hotel staff", lead="Licensing")
    other.close()


def test_a_search_typed_in_one_database_stays_with_it_when_another_is_opened(
    qtbot: QtBot, factory: PlanFactory, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Opening another database shows all its actions; going back brings the search back."""
    _rated_plan(factory)
    other_path = tmp_path / "other.db"
    _other_database(other_path)
    window = open_window()
    view = window.plan_view
    qtbot.keyClicks(view.search, "toolkit")
    assert _shown(view) == ["Neglect toolkit"]
    answers.open_files.append(other_path)
    window.databases.open_action.trigger()
    qtbot.waitUntil(lambda: not window.loading)
    assert view.search.text() == ""
    assert view.count_label.text() == "2 of 2 actions"
    window.databases.recent_menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: not window.loading)
    assert view.search.text() == "toolkit"
    assert _shown(view) == ["Neglect toolkit"]
    window.close_database()


def test_a_new_session_on_another_database_starts_without_the_first_ones_filters(
    qtbot: QtBot, factory: PlanFactory, tmp_path: Path, settings: Settings, open_window: Opener
) -> None:
    """A search left in database A is not applied to B, and comes back when A opens again."""
    _rated_plan(factory)
    other_path = tmp_path / "other.db"
    _other_database(other_path)
    first = open_window()
    qtbot.keyClicks(first.plan_view.search, "toolkit")
    first.close()
    other = Database.open(other_path)
    second = MainWindow(other, settings=settings)
    qtbot.addWidget(second)
    second.start()
    qtbot.waitUntil(lambda: not second.loading)
    assert second.plan_view.search.text() == ""
    assert second.plan_view.count_label.text() == "2 of 2 actions"
    second.close()
    other.close()
    third = open_window()
    assert third.plan_view.search.text() == "toolkit"
    assert third.plan_view.count_label.text() == "1 of 4 actions — 3 hidden by filters"


def test_filters_kept_before_they_belonged_to_a_database_come_back_for_the_last_one_open(
    db: Database, factory: PlanFactory, settings: Settings, open_window: Opener
) -> None:
    """An older version's filters, with its single RAG choice, return for its last database."""
    _rated_plan(factory)
    settings.set(prefs.RECENT_DATABASES, [db.target])
    settings.set(prefs.LEGACY_FILTERS, {"text": "", "rag": "red", "overdue": False})
    window = open_window()
    bar = window.plan_view.filter_bar
    assert bar.rag.text() == "RAG: Red"
    assert _shown(window.plan_view) == ["Neglect toolkit"]
    assert window.plan_view.count_label.text() == "1 of 4 actions — 3 hidden by filters"


def test_restored_filters_that_hide_every_action_say_so_with_a_way_out(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """Not a blank table: "No action matches the filters" and a Clear filters button."""
    _rated_plan(factory)
    first = open_window()
    qtbot.keyClicks(first.plan_view.search, "no such words")
    first.close()
    window = open_window()
    view = window.plan_view
    bar = view.filter_bar
    assert view.count_label.text() == "0 of 4 actions — 4 hidden by filters"
    assert bar.no_match.isVisible()
    assert bar.no_match_text.text() == "No action matches the filters."
    qtbot.mouseClick(bar.no_match_clear, Qt.MouseButton.LeftButton)
    assert view.count_label.text() == "4 of 4 actions"
    assert not bar.no_match.isVisible()


def test_clear_filters_resets_every_filter_with_one_click(
    qtbot: QtBot, db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """Search, lead, agency, RAG, status and the ticks all go; the priority chosen stays."""
    _rated_plan(factory)
    [health] = [lead for lead in plan_leads(db, factory.plan.id) if lead.name == "Health"]
    set_lead_agency(db, health.id, "Northbridge NHS")
    window = open_window()
    view = window.plan_view
    bar = view.filter_bar
    assert not bar.clear_button.isEnabled()
    assert "priority chosen on the left stays" in bar.clear_button.toolTip()
    qtbot.keyClicks(view.search, "toolkit")
    bar.lead.setCurrentIndex(bar.lead.findData("Health"))
    bar.agency.setCurrentIndex(bar.agency.findData("Northbridge NHS"))
    bar.rag_items[Rag.RED].trigger()
    bar.status.setCurrentIndex(bar.status.findData(Status.NOT_STARTED.value))
    for tick in (bar.overdue, bar.stale, bar.mine):
        qtbot.mouseClick(tick, Qt.MouseButton.LeftButton)
    assert view.count_label.text() == "0 of 4 actions — 4 hidden by filters"
    assert bar.clear_button.isEnabled()
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert bar.saved() == FilterBar().saved()
    assert bar.rag.text() == "RAG: Any"
    assert view.count_label.text() == "4 of 4 actions"
    assert not bar.clear_button.isEnabled()
    view.choose_priority(window.plan_view.outline[0].id)
    qtbot.keyClicks(view.search, "dental")
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert _shown(view) == ["Neglect toolkit", "Dental pathway"]
    assert view.count_label.text() == "2 of 4 actions"


def test_the_hidden_sign_shows_exactly_when_filters_hide_actions(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """A filter that hides nothing says nothing; one that hides says how many; so does a place."""
    _rated_plan(factory)
    window = open_window()
    view = window.plan_view
    bar = view.filter_bar
    assert view.count_label.text() == "4 of 4 actions"
    bar.status.setCurrentIndex(bar.status.findData(Status.NOT_STARTED.value))
    assert bar.clear_button.isEnabled()
    assert view.count_label.text() == "4 of 4 actions"  # every action is not started
    bar.lead.setCurrentIndex(bar.lead.findData("Police"))
    assert view.count_label.text() == "2 of 4 actions — 2 hidden by filters"
    assert not bar.no_match.isVisible()
    bar.clear_button.click()
    view.choose_priority(view.outline[0].id)  # a place chosen on the left is not a filter
    assert view.count_label.text() == "2 of 4 actions"
    bar.lead.setCurrentIndex(bar.lead.findData("Police"))
    assert view.count_label.text() == "0 of 4 actions — 2 hidden by filters"
    assert bar.no_match.isVisible()


def test_rag_filter_red_and_amber_shows_exactly_the_red_and_amber_actions(
    qtbot: QtBot, factory: PlanFactory, open_window: Opener
) -> None:
    """Two RAG choices together; the button names them; both are remembered."""
    _rated_plan(factory)
    first = open_window()
    bar = first.plan_view.filter_bar
    assert bar.rag.text() == "RAG: Any"
    bar.rag_items[Rag.RED].trigger()
    bar.rag_items[Rag.AMBER].trigger()
    assert bar.rag.text() == "RAG: Red, Amber"
    assert _shown(first.plan_view) == ["Neglect toolkit", "Dental pathway"]
    assert first.plan_view.count_label.text() == "2 of 4 actions — 2 hidden by filters"
    first.close()
    second = open_window()
    again = second.plan_view.filter_bar
    assert [rag for rag, item in again.rag_items.items() if item.isChecked()] == [
        Rag.RED,
        Rag.AMBER,
    ]
    assert _shown(second.plan_view) == ["Neglect toolkit", "Dental pathway"]


def test_the_filter_bar_fits_beside_the_navigator_in_a_small_window(qtbot: QtBot) -> None:
    """With several RAG choices and the hidden sign showing, it needs no more than 650 px."""
    bar = FilterBar()
    qtbot.addWidget(bar)
    for rag in (Rag.RED, Rag.AMBER, Rag.GREEN):
        bar.rag_items[rag].trigger()
    bar.show_count(shown=1234, total=24000, hidden=22765, kept=1)
    assert bar.minimumSizeHint().width() <= 650


def test_progress_that_takes_an_action_out_of_the_filter_keeps_it_in_view_until_it_changes(
    qtbot: QtBot, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """Filtered to Red, a Red action rated Green stays, in italics and said so, until the
    filter changes; then it goes."""
    ids = _rated_plan(factory)
    window = open_window()
    view = window.plan_view
    bar = view.filter_bar
    bar.rag_items[Rag.RED].trigger()
    assert _shown(view) == ["Neglect toolkit"]
    answers.texts.append("Toolkit launched early")  # the reason, should one be asked
    fill_progress(window, ids["red"], "Toolkit launched", rag=Rag.GREEN).accept()
    assert _shown(view) == ["Neglect toolkit"]
    row = view.filter_model.index(0, ActionTableModel.ACTION)
    assert view.filter_model.index(0, ActionTableModel.RAG).data() == "Green"
    font = row.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert row.data(Qt.ItemDataRole.ToolTipRole).startswith("No longer matches the filters")
    assert view.count_label.text() == (
        "1 of 4 actions — 3 hidden by filters; 1 no longer matches them (in italics)"
    )
    bar.rag_items[Rag.AMBER].trigger()
    assert _shown(view) == ["Dental pathway"]
    assert view.count_label.text() == "1 of 4 actions — 3 hidden by filters"


def test_an_edit_saved_elsewhere_that_leaves_the_filter_is_kept_in_view_and_marked(
    db: Database, factory: PlanFactory, open_window: Opener
) -> None:
    """An edit through the services then a refresh: the action stays, marked, until the
    search changes."""
    ids = _rated_plan(factory)
    window = open_window()
    view = window.plan_view
    view.search.setText("health")
    assert _shown(view) == ["Neglect toolkit", "Dental pathway"]
    draft = action_draft(db, ids["amber"])
    edit_action(db, ids["amber"], replace(draft, lead="Education"))
    window.refresh(ids["amber"])
    assert _shown(view) == ["Neglect toolkit", "Dental pathway"]
    italic = view.filter_model.index(1, 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(italic, QFont) and italic.italic()
    assert view.filter_model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    view.search.setText("healt")
    assert _shown(view) == ["Neglect toolkit"]
