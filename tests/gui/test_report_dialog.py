"""The board pack dialog: page 1's key messages and the board's ask, kept with the plan,
and a preview of page 1 before the pack is saved."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from actionplan.gui import worker
from actionplan.gui.dialogs.report_dialog import ReportDialog
from actionplan.gui.main_window import MainWindow
from actionplan.services.pack_preview import drafted_messages
from actionplan.services.pack_settings import PackSettings, pack_settings
from actionplan.services.plans import delete_plan
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.gui.conftest import Answers, click_save
from tests.pdf_helpers import page_texts, squeeze

Opener = Callable[[], MainWindow]
MESSAGE = "Every school now has a neglect lead; the strategy meetings audit moves to May."
ASKED = "Agree the new date for the strategy meetings audit."
A4 = 297 / 210


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder temporary files are made in, this test's own."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def window(factory: PlanFactory, open_window: Opener) -> MainWindow:
    """The window on a small plan: one red action overdue, one complete."""
    neglect = factory.priority("Neglect")
    factory.action(neglect, "Launch the neglect toolkit", timescale="Sept 2024", lead="Health")
    factory.action(neglect, "Audit strategy meetings", timescale="2026", lead="Police")
    return open_window()


def open_dialog(qtbot: QtBot, window: MainWindow) -> ReportDialog:
    """Open Board pack PDF… and wait for the drafts from the figures."""
    window.files.report_action.trigger()
    dialog = window.files.report_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.messages.drafting, timeout=20_000)
    return dialog


def save_pdf(qtbot: QtBot, window: MainWindow, dialog: ReportDialog, pdf: Path, answers: Answers):
    """Press Save PDF…, name the file, and wait for it to be written."""
    answers.save_files.append(pdf)
    click_save(qtbot, dialog)
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=60_000)
    assert task.error is None


def boxes(dialog: ReportDialog) -> list[str]:
    """What each key message box shows."""
    return [box.toPlainText() for box in dialog.messages.boxes]


def finish_background_work(qtbot: QtBot) -> None:
    """Wait until no preview or drafting is still running for a closed dialog."""
    qtbot.waitUntil(lambda: not worker._RUNNING, timeout=60_000)


def test_a_plan_with_no_messages_kept_shows_the_drafts_from_the_figures(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    """The boxes hold the drafts made from the plan's figures, in order; the rest are empty,
    and one of them gives the plan's position in counts of actions."""
    dialog = open_dialog(qtbot, window)
    drafts = drafted_messages(db, None, dialog.choices().as_of)
    assert drafts and boxes(dialog) == [*drafts, *[""] * (5 - len(drafts))]
    assert any(" actions" in box for box in boxes(dialog))


def test_an_edited_message_and_the_boards_ask_are_kept_and_shown_again_next_time(
    qtbot: QtBot, tmp_path: Path, db: Database, window: MainWindow, answers: Answers
) -> None:
    """A message typed in the first empty box, the board's ask and the cover tick are kept with
    the plan when the pack is saved, and the dialog shows them again next time."""
    dialog = open_dialog(qtbot, window)
    drafts = [box for box in boxes(dialog) if box]
    assert len(drafts) < 5
    qtbot.keyClicks(dialog.messages.boxes[len(drafts)], MESSAGE)
    qtbot.keyClicks(dialog.board_asked, ASKED)
    dialog.cover.setChecked(True)
    save_pdf(qtbot, window, dialog, tmp_path / "pack.pdf", answers)
    plan = window.workspace.current_plan
    assert plan is not None
    assert pack_settings(db, plan.id) == PackSettings((*drafts, MESSAGE), ASKED, cover=True)
    again = open_dialog(qtbot, window)
    assert boxes(again) == [*drafts, MESSAGE, *[""] * (4 - len(drafts))]
    assert again.board_asked.toPlainText() == ASKED and again.cover.isChecked()


def test_edited_messages_print_on_page_one_and_the_ask_only_when_written(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, answers: Answers
) -> None:
    """The pack saved from the dialog carries the rewritten message on page 1; with the
    board's ask left empty there is no ask; once written it is printed."""
    dialog = open_dialog(qtbot, window)
    dialog.messages.boxes[0].setPlainText(MESSAGE)
    save_pdf(qtbot, window, dialog, tmp_path / "first.pdf", answers)
    first = page_texts(tmp_path / "first.pdf")[0]
    assert squeeze(MESSAGE) in first and "asked to" not in first
    dialog = open_dialog(qtbot, window)
    dialog.board_asked.setPlainText(ASKED)
    save_pdf(qtbot, window, dialog, tmp_path / "second.pdf", answers)
    second = page_texts(tmp_path / "second.pdf")[0]
    assert squeeze(MESSAGE) in second and squeeze(ASKED) in second


def test_draft_again_puts_the_drafts_back_over_what_was_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    """After rewriting every box, "Draft again from the figures" restores the drafts."""
    dialog = open_dialog(qtbot, window)
    drafts = boxes(dialog)
    for box in dialog.messages.boxes:
        box.setPlainText("Rewritten.")
    qtbot.mouseClick(dialog.messages.again, Qt.MouseButton.LeftButton)
    assert boxes(dialog) == drafts


def test_a_new_as_at_date_redrafts_untouched_messages_but_keeps_written_ones(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Drafts follow the as-at date while untouched; a message the user wrote stays."""
    dialog = open_dialog(qtbot, window)
    before = boxes(dialog)[0]
    dialog.as_of.setDate(date(2024, 6, 1))  # before the first action fell overdue
    qtbot.waitUntil(lambda: boxes(dialog)[0] != before, timeout=20_000)
    june = dialog.messages.drafts
    assert june is not None and boxes(dialog)[0] == june[0]
    dialog.messages.boxes[0].setPlainText(MESSAGE)
    dialog.as_of.setDate(date(2025, 3, 31))
    qtbot.waitUntil(lambda: dialog.messages.drafts != june, timeout=20_000)
    assert not dialog.messages.drafting and boxes(dialog)[0] == MESSAGE


def test_too_long_a_message_is_refused_and_the_dialog_stays_open(
    qtbot: QtBot, db: Database, window: MainWindow, answers: Answers
) -> None:
    """A 5,000-character message is refused in one sentence before any file is asked for;
    nothing is kept and the dialog stays open with the words as typed."""
    dialog = open_dialog(qtbot, window)
    dialog.messages.boxes[0].setPlainText("x" * 5_000)
    click_save(qtbot, dialog)
    [(kind, said)] = answers.said
    assert kind == "warn" and "Key message 1 is 5,000 characters long" in said
    assert "\n" not in said and said.count(". ") == 0
    assert dialog.isVisible() and window.files.task is None
    plan = window.workspace.current_plan
    assert plan is not None and pack_settings(db, plan.id) == PackSettings()


def _ink(image: QImage) -> float:
    """The share of sampled pixels that are not white."""
    points = [(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)]
    marked = sum(1 for x, y in points if image.pixelColor(x, y).lightness() < 240)
    return marked / len(points)


def test_preview_shows_page_one_as_an_a4_picture_while_the_window_stays_usable(
    qtbot: QtBot, window: MainWindow, temp_folder: Path
) -> None:
    """Preview page 1 returns at once (the page is laid out on a worker: the dialog can be
    typed in meanwhile), then shows an A4-shaped picture with print on it, and leaves no
    temporary file behind."""
    dialog = open_dialog(qtbot, window)
    preview = dialog.preview
    qtbot.mouseClick(preview.button, Qt.MouseButton.LeftButton)
    assert preview.busy and preview.image is None and not preview.button.isEnabled()
    qtbot.keyClicks(dialog.board_asked, "Note")  # the dialog answers while page 1 is laid out
    assert dialog.board_asked.toPlainText() == "Note"
    qtbot.waitUntil(lambda: preview.image is not None, timeout=60_000)
    image = preview.image
    assert image is not None and preview.error is None
    assert image.height() / image.width() == pytest.approx(A4, rel=0.01)
    assert _ink(image) > 0.05
    assert preview.picture.pixmap() is not None and not preview.picture.pixmap().isNull()
    assert list(temp_folder.iterdir()) == []


def test_closing_the_dialog_while_page_one_is_laid_out_does_no_harm(
    qtbot: QtBot, window: MainWindow, temp_folder: Path
) -> None:
    """Cancel and the dialog gone mid-preview: the work ends quietly, leaves no temporary
    file, and the dialog opens again as usual."""
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.preview.button, Qt.MouseButton.LeftButton)
    dialog.reject()
    dialog.deleteLater()
    qtbot.wait(10)
    finish_background_work(qtbot)
    assert list(temp_folder.iterdir()) == []
    again = open_dialog(qtbot, window)
    assert again is not dialog and again.isVisible()


def test_a_preview_that_cannot_be_made_says_so_in_one_sentence(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    """The plan deleted meanwhile (from another window): the preview says in one sentence
    that page 1 could not be shown, and the button can be pressed again."""
    dialog = open_dialog(qtbot, window)
    delete_plan(db, dialog.plan_id)
    qtbot.mouseClick(dialog.preview.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview.error is not None, timeout=60_000)
    said = dialog.preview.note.text()
    assert said == dialog.preview.error and said.startswith("Page 1 could not be shown")
    assert "\n" not in said and said.count(". ") == 0
    assert dialog.preview.image is None and dialog.preview.button.isEnabled()


def test_the_dialog_fits_a_small_laptop_screen_and_names_who_page_one_credits(
    qtbot: QtBot, window: MainWindow
) -> None:
    """On a 1280 × 800 screen the whole dialog shows at once, preview included; the
    partnership and author are shown, to be changed in Plan settings, not here."""
    dialog = open_dialog(qtbot, window)
    hint = dialog.sizeHint()
    assert hint.width() <= 1280 and hint.height() <= 740  # room left for a title bar and taskbar
    named = dialog.named.text()
    assert "Northbridge SCP" in named and "no author set" in named and "Plan settings" in named
