"""Fixtures for driving the real window offscreen: prompts answered by the test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from actionplan.gui import prompts
from actionplan.gui.main_window import MainWindow
from actionplan.gui.settings import Settings
from actionplan.store.database import Database


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Window preferences in a file of this test's own, never the user's."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def open_window(qtbot: QtBot, db: Database, settings: Settings) -> Callable[[], MainWindow]:
    """Opens the main window on the test database and waits until its plan has loaded."""

    def opened() -> MainWindow:
        window = MainWindow(db, settings=settings)
        qtbot.addWidget(window)
        window.start()
        qtbot.waitUntil(lambda: not window.loading)
        return window

    return opened


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
    monkeypatch.setattr(prompts, "confirm", pop(given.confirms, False))
    monkeypatch.setattr(prompts, "inform", tell("inform"))
    monkeypatch.setattr(prompts, "warn", tell("warn"))
    return given
