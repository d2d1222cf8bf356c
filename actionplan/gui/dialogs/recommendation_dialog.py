"""Dialogs of the Recommendations tab: a recommendation's words, the board's sign-off, and
the action to link to one."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from actionplan.domain.recommendations import RecommendationDraft, ReviewType
from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.gui.widgets.date_field import DateField


def _day(edit: DateField) -> date:
    return edit.day() or date.today()  # a field that is not optional always holds a day


class RecommendationDialog(FormDialog):
    """The review a recommendation comes from, its words and the partnership's response."""

    def __init__(self, title: str, draft: RecommendationDraft, parent: Any = None) -> None:
        super().__init__(title, parent)
        self.review_edit = QLineEdit(draft.review)
        self.type_box = QComboBox()
        for kind in ReviewType:
            self.type_box.addItem(kind.word, kind)
        self.type_box.setCurrentIndex(self.type_box.findData(draft.review_type))
        self.dated = QCheckBox("The review has a date")
        self.dated.setChecked(draft.review_date is not None)
        self.date_edit = DateField(draft.review_date or date.today())
        self.date_edit.setEnabled(self.dated.isChecked())
        self.dated.toggled.connect(self.date_edit.setEnabled)
        self.text_edit = QPlainTextEdit(draft.text)
        self.response_edit = QPlainTextEdit(draft.response)
        self.form.addRow("&Review", self.review_edit)
        self.form.addRow("&Type", self.type_box)
        self.form.addRow(self.dated)
        self.form.addRow("&Date", self.date_edit)
        self.form.addRow("Recommendation", self.text_edit)
        self.form.addRow("Our response", self.response_edit)
        self.add_save_and_cancel()
        self.resize(560, 420)

    def draft(self) -> RecommendationDraft:
        """The words as typed."""
        return RecommendationDraft(
            review=self.review_edit.text().strip(),
            text=self.text_edit.toPlainText().strip(),
            review_type=ReviewType(self.type_box.currentData()),
            review_date=_day(self.date_edit) if self.dated.isChecked() else None,
            response=self.response_edit.toPlainText().strip(),
        )


class SignOffDialog(FormDialog):
    """Who signed a recommendation off for the board, and when."""

    def __init__(self, who: str, on: date, parent: Any = None) -> None:
        super().__init__("Sign off recommendation", parent)
        self.who_edit = QLineEdit(who)
        self.who_edit.setPlaceholderText("e.g. Chair of the partnership board")
        self.date_edit = DateField(on)
        self.form.addRow("Signed off &by", self.who_edit)
        self.form.addRow("&On", self.date_edit)
        self.add_save_and_cancel()

    def sign_off(self) -> tuple[str, date]:
        """Who and when, as given."""
        return self.who_edit.text().strip(), _day(self.date_edit)


class ChooseDialog(FormDialog):
    """Choose one of several things (an action to link, a priority for new actions)."""

    def __init__(self, title: str, label: str, choices: list[tuple[int, str]], parent: Any = None):
        super().__init__(title, parent)
        self.box = QComboBox()
        self.box.setMinimumWidth(420)
        for item_id, words in choices:
            self.box.addItem(words, item_id)
        self.form.addRow(label, self.box)
        self.add_save_and_cancel()

    def chosen(self) -> int | None:
        """The id of what was chosen."""
        value = self.box.currentData()
        return int(value) if value is not None else None
