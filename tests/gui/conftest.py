"""Fixtures for driving the real window offscreen: prompts answered by the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui import prompts
from actionplan.gui.dialogs.plan_settings_dialog import PlanSettingsDialog
from actionplan.gui.dialogs.record_progress_dialog import RecordProgressDialog
from actionplan.gui.main_window import MainWindow
from actionplan.gui.settings import Settings
from actionplan.store.database import Database


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Window preferences in a file of this test's own, never the user's."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def open_window(
    qtbot: QtBot, db: Database, settings: Settings
) -> Iterator[Callable[[], MainWindow]]:
    """Opens the main window on the test database and waits until its plan has loaded.

    After the test each window stops listening for colleagues' changes, even one whose
    close was refused (words typed that could not be saved), before its database goes."""
    windows: list[MainWindow] = []

    def opened() -> MainWindow:
        window = MainWindow(db, settings=settings)
        qtbot.addWidget(window)
        windows.append(window)
        window.start()
        qtbot.waitUntil(lambda: not window.loading)
        return window

    yield opened
    for window in windows:
        window.live.close()


@dataclass
class Answers:
    """What the test answers to each kind of prompt, and what the window said."""

    texts: list[str | None] = field(default_factory=list)
    open_files: list[Path | None] = field(default_factory=list)
    save_files: list[Path | None] = field(default_factory=list)
    file_lists: list[list[Path]] = field(default_factory=list)
    folders: list[Path | None] = field(default_factory=list)
    confirms: list[bool] = field(default_factory=list)
    said: list[tuple[str, str]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)  # the yes/no questions put


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Replace every message box and file dialog with the test's answers."""
    given = Answers()

    def pop(queue: list[Any], default: Any) -> Callable[..., Any]:
        return lambda *args, **kwargs: queue.pop(0) if queue else default

    def tell(kind: str) -> Callable[..., None]:
        return lambda _parent, _title, text: given.said.append((kind, text))

    monkeypatch.setattr(prompts, "ask_text", pop(given.texts, None))
    monkeypatch.setattr(prompts, "open_file", pop(given.open_files, None))
    monkeypatch.setattr(prompts, "save_file", pop(given.save_files, None))
    monkeypatch.setattr(prompts, "open_files", pop(given.file_lists, []))
    monkeypatch.setattr(prompts, "choose_folder", pop(given.folders, None))

    def confirm(_parent: Any, _title: str, text: str) -> bool:
        given.asked.append(text)
        return given.confirms.pop(0) if given.confirms else False

    monkeypatch.setattr(prompts, "confirm", confirm)
    monkeypatch.setattr(prompts, "inform", tell("inform"))
    monkeypatch.setattr(prompts, "warn", tell("warn"))
    return given


def fill_progress(
    window: MainWindow,
    action_id: int,
    text: str = "",
    rag: Rag = Rag.GREEN,
    status: Status = Status.IN_PROGRESS,
) -> RecordProgressDialog:
    """Open Record progress on an action and fill it in as a lead would (not yet saved)."""
    window.plan_view.select_action(action_id)
    window.record_progress()
    dialog = window.edits.progress_dialog
    assert dialog is not None
    dialog.date_edit.setDate(QDate(2025, 6, 30))
    dialog.rag_box.setCurrentIndex(dialog.rag_box.findData(rag))
    dialog.status_box.setCurrentIndex(dialog.status_box.findData(status))
    dialog.text_edit.setPlainText(text)
    return dialog


def plan_settings_on_screen(qtbot: QtBot, window: MainWindow, title: str) -> PlanSettingsDialog:
    """The Plan settings dialog the window has open, with ``title`` typed as its title."""
    dialog = window.plan_edits.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, title)
    return dialog


def click_save(qtbot: QtBot, dialog: Any) -> None:
    """Click a dialog's Save button, as a user would."""
    buttons = dialog.findChild(QDialogButtonBox)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def shown(text: str) -> str:
    """What Qt shows for a tooltip or an automatic-format label: HTML when it looks like it."""
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    """What a label shows, given the format it reads its text in."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return shown(label.text())
