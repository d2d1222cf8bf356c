"""ReportDialog: the choices for a board pack and its page 1 words, with a preview of page 1."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from actionplan.gui import prompts
from actionplan.gui.dialogs.form_dialog import SAVE_KEYS
from actionplan.gui.dialogs.key_messages_widget import KeyMessagesWidget
from actionplan.gui.dialogs.page_preview import PagePreviewWidget
from actionplan.gui.widgets.date_field import DateField, dates_refused
from actionplan.gui.worker import Job
from actionplan.services.errors import USER_ERRORS
from actionplan.services.pack_preview import PackChoices, drafted_messages, preview_page_one
from actionplan.services.pack_settings import PackSettings, pack_settings, save_pack_settings
from actionplan.services.views import PlanInfo

if TYPE_CHECKING:
    from actionplan.services.workspace import Database

MARKINGS = ("", "OFFICIAL", "OFFICIAL-SENSITIVE")
# Typing a date changes it a digit at a time: draft again once the typing pauses.
REDRAFT_AFTER_MS = 300


@dataclass(frozen=True)
class ReportChoices:
    """What the board pack is to cover and carry, and page 1's words."""

    as_of: date
    priority: str | None
    marking: str
    appendix: bool
    cover: bool = False
    key_messages: tuple[str, ...] = ()  # none: the drafts from the figures are printed
    board_asked: str = ""


class ReportDialog(QDialog):
    """Collects the board pack's choices and keeps them with the plan when saved; the
    caller then asks where to save the PDF and writes it."""

    def __init__(
        self,
        db: Database,
        plan: PlanInfo,
        as_of: date,
        priorities: list[str],
        marking: str,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Board pack")
        self.db, self.plan_id, self.plan_title = db, plan.id, plan.title
        self.saved: PackSettings | None = None
        self._make_fields(plan, as_of, priorities, marking)
        self.messages = KeyMessagesWidget(self._drafting_job, self)
        self.preview = PagePreviewWidget(self._preview_job, self)
        self._build_layout()
        self._show_kept()
        self._redraft_timer = QTimer(self, singleShot=True, interval=REDRAFT_AFTER_MS)
        self._redraft_timer.timeout.connect(self.messages.redraft)
        self._connect_changes()
        self.finished.connect(self._closing)
        self.messages.redraft()

    def _make_fields(
        self, plan: PlanInfo, as_of: date, priorities: list[str], marking: str
    ) -> None:
        self.as_of = DateField(as_of)
        self.as_of.setToolTip(
            "The plan as it stood at the end of this day: updates dated later are left out"
        )
        self.priority = QComboBox()
        self.priority.addItem("All priorities", None)
        for title in priorities:
            self.priority.addItem(title, title)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(list(MARKINGS))
        self.marking.setCurrentText(marking)
        self.marking.setToolTip("Printed at the top and foot of every page; leave blank for none")
        self.named = QLabel(_named_on_page_one(plan))
        self.named.setWordWrap(True)
        self.named.setTextFormat(Qt.TextFormat.PlainText)  # the partnership's name as typed
        self.named.setToolTip("Set in File ▸ Plan settings…, with the plan's title and period")
        self.cover = QCheckBox("Start with a cover page")
        self.appendix = QCheckBox("Add an appendix listing every action in full")
        self.board_asked = QPlainTextEdit()
        self.board_asked.setTabChangesFocus(True)
        self.board_asked.setPlaceholderText("e.g. note the position and agree the two new actions")
        self.board_asked.setToolTip("Printed on page 1 only when something is written here")
        self.board_asked.setFixedHeight(self.board_asked.fontMetrics().lineSpacing() * 4 + 12)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow("Position as at", self.as_of)
        form.addRow("Priorities", self.priority)
        form.addRow("Protective marking", self.marking)
        form.addRow("Named on page 1", self.named)
        form.addRow("", self.cover)
        form.addRow("", self.appendix)
        form.addRow("Key messages", self.messages)
        form.addRow("The board is\nasked to", self.board_asked)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)  # the preview's column is the taller: the form keeps its spacing
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addWidget(self.preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save PDF…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        self.setMinimumWidth(880)

    def _show_kept(self) -> None:
        try:
            kept = pack_settings(self.db, self.plan_id)
        except USER_ERRORS:
            kept = PackSettings()
        self.messages.set_messages(kept.key_messages)
        self.board_asked.setPlainText(kept.board_asked)
        self.cover.setChecked(kept.cover)
        self.appendix.setChecked(kept.appendix)

    def _connect_changes(self) -> None:
        self.as_of.dateChanged.connect(self._redraft_timer.start)
        self.priority.currentIndexChanged.connect(self.messages.redraft)
        stale = self.preview.mark_stale
        self.as_of.dateChanged.connect(stale)
        self.priority.currentIndexChanged.connect(stale)
        self.marking.currentTextChanged.connect(stale)
        self.cover.toggled.connect(stale)
        self.appendix.toggled.connect(stale)
        self.messages.edited.connect(stale)
        self.board_asked.textChanged.connect(stale)

    def choices(self) -> ReportChoices:
        """The choices as made."""
        chosen: date = self.as_of.date().toPython()  # type: ignore[assignment]
        return ReportChoices(
            chosen,
            self.priority.currentData(),
            self.marking.currentText().strip(),
            self.appendix.isChecked(),
            self.cover.isChecked(),
            tuple(self.messages.messages()),
            self.board_asked.toPlainText().strip(),
        )

    def _pack_choices(self) -> PackChoices:
        made = self.choices()
        settings = PackSettings(made.key_messages, made.board_asked, made.cover, made.appendix)
        return PackChoices(self.plan_title, made.as_of, made.priority, made.marking, settings)

    def _drafting_job(self) -> Job:
        db, title, made = self.db, self.plan_title, self.choices()
        return lambda _p, _c: drafted_messages(db, title, made.as_of, made.priority)

    def _preview_job(self, width: int) -> Job:
        db, chosen = self.db, self._pack_choices()
        return lambda progress, _c: preview_page_one(db, chosen, width, progress)

    def accept(self) -> None:  # overrides QDialog.accept
        """Keep the choices with the plan, then close; a refusal is said and the dialog stays."""
        if dates_refused(self):
            return
        chosen = self._pack_choices().settings
        try:
            self.saved = save_pack_settings(
                self.db, self.plan_id, chosen, self.messages.drafts or ()
            )
        except USER_ERRORS as exc:
            prompts.warn(self, "Board pack", str(exc))
            return
        super().accept()

    def _closing(self, _result: int) -> None:
        # Work still running for this dialog finishes on its own and cleans up after itself.
        self.preview.abandon()
        self.messages.abandon()
        self._redraft_timer.stop()


def _named_on_page_one(plan: PlanInfo) -> str:
    """Who page 1 names, shown here to read; they are set in Plan settings."""
    partnership = plan.partnership or "No partnership set"
    author = f"prepared by {plan.prepared_by}" if plan.prepared_by else "no author set"
    return f"{partnership}, {author}. Both are changed in Plan settings."
