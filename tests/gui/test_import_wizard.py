"""The import wizard: the rows as read, a click on a heading to correct a column, then Done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.gui.dialogs.import_wizard import ImportWizard
from actionplan.gui.main_window import MainWindow
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plans import list_plans
from actionplan.store.database import Database
from tests.excel.import_books import book
from tests.gui.conftest import Answers

Opener = Callable[[], MainWindow]
HEADER = ["Ref", "Area", "Action", "Who", "When", "<i>Extra</i>"]
LONGEST = ("Safeguarding review notes. " * 1_300)[:32_767]  # the most an Excel cell holds
ODD_WORDS = [
    "=SUM(A1)",
    "<b>x</b>",
    "<script>alert('x')</script>",
    "Zażółć gęślą jaźń",
    "حماية الطفل أولاً",
    "Safe at home 👶🏽🏠",
    LONGEST,
]


def _plan_book(tmp_path: Path) -> Path:
    return book(
        tmp_path / "partnership plan.xlsx",
        {
            "Plan": [
                HEADER,
                ["1.1", "Neglect", "Train staff in the neglect toolkit", "Police", "March 2026"],
                ["1.2", "Neglect", "Audit neglect cases", "Health", "June 2026"],
                ["2.1", "Exploitation", "Map exploitation hotspots", "Police", "Q3 2026"],
            ],
            "Board notes": [["Minutes are kept elsewhere"]],
            "Contacts": [
                ["Ref", "Action", "Lead"],
                ["9.1", "Keep the contacts list up to date", "Business manager"],
            ],
        },
    )


def _odd_book(tmp_path: Path) -> Path:
    rows = [["1.1", "Neglect", words, "Police", "March 2026", words] for words in ODD_WORDS]
    return book(tmp_path / "odd words.xlsx", {"Plan": [HEADER, *rows]})


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> ImportWizard:
    window.files.open_wizard(path)
    wizard = window.files.wizard
    assert wizard is not None
    qtbot.waitUntil(
        lambda: wizard.preview is not None and not wizard.busy.isVisible(), timeout=20_000
    )
    return wizard


def _headings(wizard: ImportWizard) -> list[str]:
    model = wizard.grid.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _cells(wizard: ImportWizard, column: int) -> list[str]:
    model = wizard.grid.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _shown_as(tooltip: str) -> str:
    """The words a tooltip puts on screen."""
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_preview_shows_each_sheets_first_rows_under_the_field_each_column_is_read_as(
    qtbot: QtBot, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """A tab per sheet read; each heading names the field over the workbook's own heading."""
    wizard = _open(qtbot, open_window(), _plan_book(tmp_path))
    tabs = [wizard.tabs.tabText(i) for i in range(wizard.tabs.count())]
    assert tabs == ["Plan", "Contacts"]
    assert _headings(wizard) == [
        "Ref\nRef",
        "Not imported\nArea",
        "Action\nAction",
        "Lead\nWho",
        "Timescale\nWhen",
        "Not imported\n<i>Extra</i>",
    ]
    assert _cells(wizard, 2) == [
        "Train staff in the neglect toolkit",
        "Audit neglect cases",
        "Map exploitation hotspots",
    ]
    rows = wizard.grid.model()
    assert [rows.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["2", "3", "4"]
    assert "4 actions in 2 priorities" in wizard.summary.text()
    assert "Board notes" in wizard.notes.toPlainText()  # a sheet left out says so
    wizard.tabs.setCurrentIndex(1)
    assert _headings(wizard) == ["Ref\nRef", "Action\nAction", "Lead\nLead"]
    assert _cells(wizard, 1) == ["Keep the contacts list up to date"]


def _click_heading(qtbot: QtBot, wizard: ImportWizard, section: int) -> None:
    header = wizard.grid.horizontalHeader()
    middle = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 5))


def _choose(qtbot: QtBot, wizard: ImportWizard, label: str) -> None:
    menu = wizard.field_menu
    assert menu is not None and menu.isVisible()
    action = next(a for a in menu.actions() if a.text() == label)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_one_click_on_a_heading_reads_the_column_as_another_field_and_the_import_uses_it(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Reading "Area" as the Priority splits the sheet's actions in two, in the plan saved too."""
    window = open_window()
    wizard = _open(qtbot, window, _plan_book(tmp_path))
    before = wizard.preview
    _click_heading(qtbot, wizard, 1)
    _choose(qtbot, wizard, "Priority")
    qtbot.waitUntil(
        lambda: wizard.preview is not before and not wizard.busy.isVisible(), timeout=20_000
    )
    assert _headings(wizard)[1] == "Priority\nArea"
    assert "4 actions in 3 priorities" in wizard.summary.text()
    _click_heading(qtbot, wizard, 3)
    _choose(qtbot, wizard, "Not imported")
    qtbot.waitUntil(lambda: _headings(wizard)[3] == "Not imported\nWho", timeout=20_000)
    qtbot.waitUntil(lambda: not wizard.busy.isVisible(), timeout=20_000)
    wizard.import_button.click()
    qtbot.waitUntil(lambda: bool(list_plans(db)), timeout=20_000)
    plan = load_plan_data(db, list_plans(db)[0].id)
    titles = {p.title: [a.ref for a in p.actions] for p in plan.priorities}
    assert titles["Neglect"] == ["1.1", "1.2"] and titles["Exploitation"] == ["2.1"]
    leads = {p.title: [lead.name for a in p.actions for lead in a.leads] for p in plan.priorities}
    assert leads == {"Neglect": [], "Exploitation": [], "Contacts": ["Business manager"]}


def test_cells_show_formulas_markup_every_script_and_the_longest_text_as_typed(
    qtbot: QtBot, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Nothing in a cell is obeyed: "=SUM", "<b>", Polish, Arabic and emoji read as written."""
    wizard = _open(qtbot, open_window(), _odd_book(tmp_path))
    model = wizard.grid.model()
    assert _cells(wizard, 2)[:6] == ODD_WORDS[:6]
    assert _cells(wizard, 5)[:6] == ODD_WORDS[:6]  # a column not imported shows its words too
    longest = _cells(wizard, 2)[6]
    assert longest.endswith("…") and len(longest) <= 120
    assert LONGEST.startswith(longest[:-1])
    for row, words in enumerate(ODD_WORDS[:6]):
        assert _shown_as(model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)) == words
    tip = _shown_as(model.index(6, 2).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith(LONGEST[:2_000]) and tip.endswith("(30,767 more characters)")
    heading_tip = model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "“<i>Extra</i>”" in _shown_as(heading_tip)
    assert "7 actions in 1 priority" in wizard.summary.text()


def test_enter_on_the_finished_import_closes_it_and_never_says_cancelling(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """After the plan is saved, Enter presses Close: the plan stays and nothing says cancelled."""
    window = open_window()
    wizard = _open(qtbot, window, _plan_book(tmp_path))
    qtbot.keyClick(wizard.title, Qt.Key.Key_Return)  # Enter on the preview imports
    task = wizard.task
    assert task is not None
    said: list[str] = []
    qtbot.waitUntil(lambda: task.finished_work, timeout=20_000)
    said.append(task.message.text())
    assert said[-1] == "Imported 'Partnership Plan': 4 actions in 2 priorities."
    assert task.close_button.isDefault() and not task.cancel_button.isEnabled()
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    said.append(task.message.text())
    assert not any("Cancelling" in text for text in said)
    qtbot.waitUntil(lambda: not task.isVisible(), timeout=5_000)
    assert [p.title for p in list_plans(db)] == ["Partnership Plan"]


def test_a_change_the_sheet_cannot_take_is_refused_and_the_last_reading_stays(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Leaving a sheet with no Action column says why; the rows and Import stay as they were."""
    wizard = _open(qtbot, open_window(), _plan_book(tmp_path))
    before = wizard.preview
    _click_heading(qtbot, wizard, 2)
    _choose(qtbot, wizard, "Not imported")
    qtbot.waitUntil(lambda: "not made" in wizard.notes.toPlainText(), timeout=20_000)
    assert "needs a column for action" in wizard.notes.toPlainText()
    assert wizard.preview is before
    assert _headings(wizard)[2] == "Action\nAction"
    assert wizard.import_button.isEnabled() and wizard.grid.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: bool(list_plans(db)), timeout=20_000)
    assert load_plan_data(db, list_plans(db)[0].id).action_count == 4


def test_the_menu_key_on_a_cell_offers_the_fields_for_its_column(
    qtbot: QtBot, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Headings take no keyboard focus, so the menu key on a cell changes its column."""
    wizard = _open(qtbot, open_window(), _plan_book(tmp_path))
    cell = wizard.grid.model().index(0, 3)
    wizard.grid.setCurrentIndex(cell)
    where = wizard.grid.visualRect(cell).center()
    viewport = wizard.grid.viewport()
    key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, where, viewport.mapToGlobal(where))
    QApplication.sendEvent(viewport, key)  # as the platform sends the menu key
    menu = wizard.field_menu
    assert menu is not None and menu.isVisible()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["Lead"]
    before = wizard.preview
    menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Agency"))
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.preview is not before, timeout=20_000)
    assert _headings(wizard)[3] == "Agency\nWho"


def test_a_code_list_is_refused_with_the_one_sentence_naming_its_columns(
    qtbot: QtBot, db: Database, tmp_path: Path, open_window: Opener
) -> None:
    """The wizard shows why a list of codes is not a plan, and Import stays off."""
    rows = [[f"C{n:04d}", f"Referral reason number {n}", "Health"] for n in range(1, 484)]
    path = book(tmp_path / "codes.xlsx", {"Codes": [["Code", "Description", "Category"], *rows]})
    window = open_window()
    window.files.open_wizard(path)
    wizard = window.files.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.error is not None, timeout=20_000)
    shown = wizard.summary.text()
    assert "found the columns Code, Description, Category" in shown
    assert "but no lead, RAG, status, timescale, reference or priority" in shown
    assert wizard.notes.toPlainText() == wizard.error
    assert not wizard.import_button.isEnabled()
    assert not list_plans(db)
