"""Every small form dialog can be filled in and saved from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from actionplan.gui.dialogs.priority_dialog import PriorityDialog
from actionplan.services.views import PriorityHeading


def _open(qtbot: QtBot) -> PriorityDialog:
    dialog = PriorityDialog(PriorityHeading("Neglect", "Julie Hart"))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_tab_leaves_a_box_of_several_lines_and_ctrl_enter_saves(qtbot: QtBot) -> None:
    """Tab in the aim moves on without typing a tab; Ctrl+Enter from the aim saves."""
    dialog = _open(qtbot)
    dialog.aim_edit.setFocus()
    qtbot.keyClicks(dialog.aim_edit, "Fewer children")
    qtbot.keyClick(dialog.aim_edit, Qt.Key.Key_Tab)
    assert dialog.aim_edit.toPlainText() == "Fewer children"
    assert not dialog.aim_edit.hasFocus()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.aim_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.heading().aim == "Fewer children"


def test_save_and_cancel_have_access_keys(qtbot: QtBot) -> None:
    """Alt+S saves and Alt+C cancels, as the underlined letters say."""
    dialog = _open(qtbot)
    buttons = dialog.findChild(QDialogButtonBox)
    assert [button.text() for button in buttons.buttons()] == ["&Save", "&Cancel"]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, "s", Qt.KeyboardModifier.AltModifier)
    dialog = _open(qtbot)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, "c", Qt.KeyboardModifier.AltModifier)
