"""Import, export, the board pack and samples driven from the window, with dialogs answered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.gui.main_window import MainWindow
from actionplan.resources import sample_plans_dir
from actionplan.services.plans import list_plans
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers

Opener = Callable[[], MainWindow]
TRACKER = sample_plans_dir() / "northbridge_tracker_2025.xlsx"


def _import_tracker(qtbot: QtBot, window: MainWindow, answers: Answers) -> None:
    answers.open_files.append(TRACKER)
    window.files.import_action.trigger()
    wizard = window.files.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=20_000)
    wizard.import_button.click()
    qtbot.waitUntil(lambda: bool(list_plans(window.workspace.db)), timeout=20_000)
    qtbot.waitUntil(lambda: window.plan_view.table_model.rowCount() > 0, timeout=20_000)


def test_import_wizard_previews_then_imports_a_workbook(
    qtbot: QtBot, db: Database, answers: Answers, open_window: Opener
) -> None:
    """The wizard shows what the workbook holds before anything is saved, then imports it."""
    window = open_window()
    answers.open_files.append(TRACKER)
    window.files.import_action.trigger()
    wizard = window.files.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=20_000)
    summary = wizard.summary.text()
    assert "70 actions in 7 priorities, 6 measures, 17 readings, 62 updates" in summary
    assert summary.endswith("No warnings.")
    assert "Red 5" in summary and "Not rated" in summary  # each RAG a chip with its count
    assert list_plans(db) == []
    assert wizard.grid.model().rowCount() == 20  # the first rows of the sheet, as read
    wizard.title.setText("Northbridge tracker (imported)")
    wizard.import_button.click()
    qtbot.waitUntil(lambda: bool(list_plans(db)), timeout=20_000)
    assert [p.title for p in list_plans(db)] == ["Northbridge tracker (imported)"]
    qtbot.waitUntil(lambda: window.plan_view.table_model.rowCount() == 70, timeout=20_000)
    assert window.workspace.current_plan is not None
    assert window.workspace.current_plan.title == "Northbridge tracker (imported)"
    window.commands.undo_action.trigger()  # a mistaken import is taken out again
    assert list_plans(db) == []
    assert window.stack.currentWidget() is window.welcome
    window.commands.redo_action.trigger()
    assert [p.title for p in list_plans(db)] == ["Northbridge tracker (imported)"]
    assert window.plan_view.table_model.rowCount() == 70


def test_changing_a_column_in_the_wizard_changes_what_is_read(
    qtbot: QtBot, answers: Answers, open_window: Opener
) -> None:
    """Marking the Lead column "Not imported" reads the workbook again without the leads."""
    window = open_window()
    window.files.open_wizard(TRACKER)
    wizard = window.files.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=20_000)
    model = wizard.grid_model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    lead = next(c for c, text in enumerate(headings) if text.startswith("Lead\n"))
    before = wizard.preview
    wizard.choose_field(lead)
    assert wizard.field_menu is not None
    next(a for a in wizard.field_menu.actions() if a.text() == "Not imported").trigger()
    qtbot.waitUntil(lambda: wizard.preview is not before, timeout=20_000)
    assert wizard.preview is not None
    leads = {
        lead.name for p in wizard.preview.plan.priorities for a in p.actions for lead in a.leads
    }
    assert leads == set()


def test_a_bad_workbook_is_refused_in_one_sentence_and_nothing_saved(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """A text file named .xlsx gives a plain message; the database stays empty."""
    bad = tmp_path / "minutes.xlsx"
    bad.write_text("Minutes of the March board meeting", encoding="utf-8")
    window = open_window()
    window.files.open_wizard(bad)
    wizard = window.files.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.error is not None, timeout=20_000)
    assert "minutes.xlsx" in wizard.error
    assert len(wizard.error.splitlines()) == 1
    assert not wizard.import_button.isEnabled()
    assert list_plans(db) == []


def test_export_and_board_pack_from_the_menu(
    qtbot: QtBot, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Export writes a workbook and the board pack a PDF, each offering to open the file."""
    window = open_window()
    _import_tracker(qtbot, window, answers)
    workbook, pdf = tmp_path / "tracker.xlsx", tmp_path / "board.pdf"
    answers.save_files.append(workbook)
    window.files.export_action.trigger()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=30_000)
    assert task.error is None and task.open_button.isVisible()
    assert "Actions" in load_workbook(workbook, read_only=True).sheetnames
    answers.save_files.append(pdf)
    window.files.report_action.trigger()
    assert window.files.report_dialog is not None
    window.files.report_dialog.accept()
    report_task = window.files.task
    assert report_task is not None and report_task is not task
    qtbot.waitUntil(lambda: report_task.finished_work, timeout=60_000)
    assert report_task.error is None
    assert "EXECUTIVE SUMMARY" in PdfReader(pdf).pages[0].extract_text()


def test_welcome_page_opens_the_sample_plans(
    qtbot: QtBot, db: Database, open_window: Opener
) -> None:
    """ "Open the sample plans" loads the three sample workbooks and shows one of them."""
    window = open_window()
    window.welcome.samples_button.click()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=60_000)
    assert len(list_plans(db)) == 3
    assert "Loaded" in task.message.text()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.plan_view, timeout=10_000)


def test_board_pack_choices_reach_the_pdf_and_the_marking_is_remembered(
    qtbot: QtBot, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """One priority, OFFICIAL-SENSITIVE on every page, an appendix; next time the marking stays."""
    window = open_window()
    _import_tracker(qtbot, window, answers)
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    window.files.report_action.trigger()
    dialog = window.files.report_dialog
    assert dialog is not None
    priorities = [dialog.priority.itemText(i) for i in range(dialog.priority.count())]
    assert priorities[0] == "All priorities" and "Neglect" in priorities
    dialog.priority.setCurrentIndex(priorities.index("Neglect"))
    dialog.marking.setCurrentText("OFFICIAL-SENSITIVE")
    dialog.appendix.setChecked(True)
    pdf = tmp_path / "neglect.pdf"
    answers.save_files.append(pdf)
    dialog.accept()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=60_000)
    assert task.error is None
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert all("OFFICIAL-SENSITIVE" in text for text in pages)
    assert "Appendix" in " ".join(pages)
    assert "Domestic Abuse" not in " ".join(pages[1:])  # only the chosen priority
    window.files.report_action.trigger()
    assert window.files.report_dialog.marking.currentText() == "OFFICIAL-SENSITIVE"


def test_exporting_a_one_action_plan_says_one_action(
    qtbot: QtBot, tmp_path: Path, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The finished export reads "Wrote 1 action", not "1 actions"."""
    factory.action(factory.priority())
    window = open_window()
    answers.save_files.append(tmp_path / "one.xlsx")
    window.files.export_action.trigger()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=30_000)
    assert task.message.text().startswith(
        "Wrote 1 action of 'Northbridge Priorities Action Plan 2025-26' to one.xlsx."
    )


def _drag(window: MainWindow, path: Path) -> tuple[bool, bool]:
    """Drag a file onto the window and drop it; whether the enter and the drop were taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(window.rect().center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    entering = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, entering)
    dropping = QDropEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, dropping)
    return entering.isAccepted(), dropping.isAccepted()


def test_a_workbook_dropped_on_the_window_opens_the_import_wizard_on_it(
    qtbot: QtBot, open_window: Opener, tmp_path: Path
) -> None:
    """Dragging a workbook from the file manager onto the window starts its import; any
    other file is refused, and nothing opens."""
    window = open_window()
    notes = tmp_path / "minutes.txt"
    notes.write_text("Board minutes", encoding="utf-8")
    assert _drag(window, notes) == (False, False)
    assert window.files.wizard is None
    workbook = sample_plans_dir() / "northbridge_business_plan_2025.xlsx"
    assert _drag(window, workbook) == (True, True)
    wizard = window.files.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=20_000)
    wizard.close()


def test_exporting_over_an_existing_workbook_asks_first_and_no_keeps_it(
    qtbot: QtBot, tmp_path: Path, factory: PlanFactory, answers: Answers, open_window: Opener
) -> None:
    """The window asks before replacing a file; answering No leaves it exactly as it was."""
    factory.action(factory.priority())
    window = open_window()
    existing = tmp_path / "tracker.xlsx"
    existing.write_bytes(b"last quarter's tracker")
    answers.save_files.append(existing)
    answers.confirms.append(False)
    window.files.export_action.trigger()
    assert answers.asked == ["'tracker.xlsx' already exists. Replace it with this export?"]
    assert existing.read_bytes() == b"last quarter's tracker"
    answers.save_files.append(existing)
    answers.confirms.append(True)
    window.files.export_action.trigger()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=30_000)
    assert task.error is None
    assert "Actions" in load_workbook(existing, read_only=True).sheetnames
