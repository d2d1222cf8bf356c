"""Every message box and file dialog goes through here, so tests can answer them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from actionplan.services.errors import USER_ERRORS


def attempt(parent: QWidget | None, call: Callable[[], Any], title: str) -> Any:
    """Run a service call; on a user error say so in its own words and give False.

    Otherwise give what the call gave (True when that was None).
    """
    try:
        result = call()
    except USER_ERRORS as exc:
        warn(parent, title, str(exc))
        return False
    return True if result is None else result


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box showing its text exactly as written (it often quotes the user's words)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something."""
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong, in plain words."""
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text; None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """Ask for a file to open; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """Ask where to save; None when cancelled."""
    # The caller asks before replacing a file, in the app's own words.
    options = QFileDialog.Option.DontConfirmOverwrite
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters, options=options)
    return Path(name) if name else None


def open_files(parent: QWidget | None, title: str, filters: str) -> list[Path]:
    """Ask for one or more files to open; empty when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return [Path(name) for name in names]


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    """Ask for a folder; None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None
