"""ActionDetailPanel: edit the selected action's words and read its dated history."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from actionplan.domain.timescale import format_due, parse_timescale
from actionplan.gui.conflict_fields import same_words
from actionplan.gui.pages.activity_view import ActivityView
from actionplan.gui.pages.answered_view import AnsweredView
from actionplan.gui.widgets.rag_chip import chip_html
from actionplan.services.views import ActionDraft, ActionRow, PriorityNode, UpdateView


class ActionDetailPanel(QWidget):
    """Shows one action for editing; asks for saving or recording progress through signals."""

    record_progress_requested = Signal(int)
    edit_requested = Signal(int, object)  # action id, ActionDraft
    changes_pending = Signal(bool)  # True once words are typed, False when saved or reverted
    carried_open_requested = Signal(object)  # CarriedFrom: show the action it continues

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._row: ActionRow | None = None
        self._changed = False
        self._draft: ActionDraft | None = None  # what the form was filled with
        self._newest: ActionDraft | None = None  # a colleague's newer words, while typing
        self._timescale_shown = ("", "")
        self._read_only = False  # the plan is closed: its words are shown, not edited
        self._carried: Any = None
        self.carried = QLabel()
        self.carried.setTextFormat(Qt.TextFormat.RichText)
        self.carried.setWordWrap(True)  # a long plan title never widens the panel
        self.carried.linkActivated.connect(
            lambda _link: self.carried_open_requested.emit(self._carried)
        )
        self.carried.hide()
        self.heading = QLabel("Select an action to see its details.")
        self.heading.setWordWrap(True)
        self.note = QLabel()  # a colleague changed the action while words were typed
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet("font-style: italic;")  # quiet: a note, not an alarm
        self.note.hide()
        self.ref = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setMaximumHeight(110)
        self.leads = QLineEdit()
        self.leads.setToolTip("Separate several leads with / or ; or a new line")
        self.timescale = QLineEdit()
        self.timescale.setToolTip('As you would write it: "31/03/2026", "Q3 2025/26", "Ongoing"')
        self._outline: list[PriorityNode] = []
        self.priority = QComboBox()
        self.priority.setToolTip("The priority this action serves; choose another to move it")
        self.outcome = QComboBox()
        self.outcome.setToolTip("The outcome of the priority this action works towards")
        self.how_we_know = QPlainTextEdit()
        self.how_we_know.setMaximumHeight(70)
        self.save_button = QPushButton("Save changes")
        self.revert_button = QPushButton("Revert")
        self.record_button = QPushButton("Record progress…")
        self.facts = QTextBrowser()
        self.activity = ActivityView()  # who changed what, kept current by plan_refresh
        self.answered = AnsweredView()  # the review recommendations it answers
        self.history_tabs = QTabWidget()
        self._build_layout()
        self._connect()
        self.show_action(None, [])

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow("Ref", self.ref)
        form.addRow("Action", self.text)
        form.addRow("Leads", self.leads)
        form.addRow("Timescale", self.timescale)
        form.addRow("Priority", self.priority)
        form.addRow("Outcome", self.outcome)
        form.addRow("How we will know", self.how_we_know)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.carried)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.history_tabs.addTab(self.facts, "Progress")
        self.history_tabs.addTab(self.activity, "Activity log")
        self.history_tabs.addTab(self.answered, "Recommendations")
        layout.addWidget(self.history_tabs, 1)

    def _connect(self) -> None:
        for edit in (self.ref, self.leads, self.timescale):
            edit.textEdited.connect(lambda _text: self._mark_changed())
        for box in (self.text, self.how_we_know):
            box.textChanged.connect(self._mark_changed)
        self.outcome.activated.connect(lambda _index: self._mark_changed())
        self.priority.activated.connect(lambda _index: self._priority_chosen())
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self._revert)
        self.record_button.clicked.connect(self._request_progress)

    @property
    def action_id(self) -> int | None:
        """The action shown, if any."""
        return self._row.id if self._row else None

    def _open_carried(self, _link: str) -> None:
        self.carried_open_requested.emit(self._carried)

    def set_read_only(self, read_only: bool) -> None:
        """Show the action's words without letting them be edited (its plan is closed)."""
        self._read_only = read_only
        for widget in [*self._editors(), self.record_button]:
            widget.setEnabled(self._row is not None and not read_only)

    def show_carried(self, link: Any) -> None:
        """Say which action of which plan this one was carried forward from (a CarriedFrom),
        with a link to open it; nothing for None."""
        self._carried = link
        if link is None:
            self.carried.hide()
            return
        words = escape(f"Carried forward from {link.plan_title} ({link.ref})")
        opener = ' — <a href="open">open it</a>' if link.plan_id is not None else ""
        self.carried.setText(words + opener)
        self.carried.show()

    @property
    def has_changes(self) -> bool:
        """True while the form holds words not yet saved."""
        return self._changed

    @property
    def started_draft(self) -> ActionDraft | None:
        """What the form was filled with (the version the words typed were made from)."""
        return self._draft

    @property
    def newest_draft(self) -> ActionDraft | None:
        """A colleague's newer words for the action, while the words typed are kept."""
        return self._newest

    def mark_saved(self, action_id: int) -> None:
        """The form's words for this action are now in the database."""
        if action_id == self.action_id:
            self._set_changed(False)
            self.note.hide()

    def take_theirs(self, theirs: ActionDraft) -> None:
        """Drop the words typed and show a colleague's newer ones, as saved."""
        if self._row is not None:
            self._draft, self._newest = theirs, None
            self._fill(theirs)
            self._set_changed(False)
            self.note.hide()

    def note_colleague_change(self, words: str) -> None:
        """Say quietly, above the form, that a colleague changed the action being typed in."""
        self.note.setText(words)
        self.note.show()

    def show_action(
        self,
        row: ActionRow | None,
        updates: list[UpdateView],
        draft: ActionDraft | None = None,
        outline: list[PriorityNode] | None = None,
    ) -> None:
        """Show an action, its editable words, where it sits in the plan (the outline's
        priorities and outcomes to choose from) and its history; or nothing.

        The same action shown again while its words are unsaved keeps the words typed."""
        if row is not None and self._changed and row.id == self.action_id:
            self._row = row
            self._keep_typed(draft)
            self.facts.setHtml(self._facts(row) + _history_html(updates))
            return
        self._row, self._draft, self._newest = row, draft, None
        self.note.hide()
        self.activity.show_action(row.id if row is not None else None)
        self.answered.show_action(row.id if row is not None else None)
        self._outline = list(outline or [])
        self.priority.clear()
        for node in self._outline:
            self.priority.addItem(f"{node.number}. {node.title}", node.id)
        if row is not None and self.priority.findData(row.priority_id) < 0:
            self.priority.addItem(row.priority_title, row.priority_id)  # before the outline loads
        for widget in [*self._editors(), self.record_button]:
            widget.setEnabled(row is not None and not self._read_only)
        if row is None:
            self.heading.setText("Select an action to see its details.")
            self.facts.clear()
            self._fill(ActionDraft(text=""))
        else:
            self.heading.setText(f"<h3>{escape(row.ref)} — {escape(row.priority_title)}</h3>")
            self._fill(draft or _draft_of(row))
            self.facts.setHtml(self._facts(row) + _history_html(updates))
        self._set_changed(False)

    def _keep_typed(self, draft: ActionDraft | None) -> None:
        # Words typed stay. A newer version whose form fields are as the user found them
        # (progress recorded) becomes the base; a colleague's other words do not, so saving
        # shows both rather than writing over theirs.
        base = self._draft
        if draft is None:
            return
        if base is None or same_words(draft, base):
            self._draft = draft
        else:
            self._newest = draft

    def _facts(self, row: ActionRow) -> str:
        node = next((n for n in self._outline if n.id == row.priority_id), None)
        return _facts_html(row) + (_priority_html(node) if node else "")

    def _editors(self) -> list[QWidget]:
        return [
            self.ref, self.text, self.leads, self.timescale, self.priority, self.outcome,
            self.how_we_know,
        ]  # fmt: skip

    def _fill(self, draft: ActionDraft) -> None:
        for widget in self._editors():
            widget.blockSignals(True)
        self.ref.setText(draft.ref)
        self.text.setPlainText(draft.text)
        self.leads.setText(draft.lead)
        # A date cell's timescale is kept as ISO text; people see and edit "31 Mar 2026".
        self._timescale_shown = (parse_timescale(draft.timescale).label, draft.timescale)
        self.timescale.setText(self._timescale_shown[0])
        self.how_we_know.setPlainText(draft.how_we_know)
        if draft.priority_id is not None or self._row is not None:
            chosen = draft.priority_id if draft.priority_id is not None else self._row_priority()
            self.priority.setCurrentIndex(max(self.priority.findData(chosen), 0))
        self._offer_outcomes(draft.outcome_id)
        for line in (self.ref, self.leads, self.timescale):
            line.setCursorPosition(0)  # long words read from their start
        for widget in self._editors():
            widget.blockSignals(False)

    def edited_draft(self) -> ActionDraft:
        """The words as they stand in the form."""
        base = self._draft or ActionDraft(text="")
        return ActionDraft(
            text=self.text.toPlainText(),
            ref=self.ref.text().strip(),
            timescale=self._timescale_as_typed(),
            lead=self.leads.text(),
            how_we_know=self.how_we_know.toPlainText(),
            outcome_id=self.outcome.currentData(),
            rag=base.rag,
            status=base.status,
            priority_id=self.priority.currentData(),
            position=base.position if self.priority.currentData() == base.priority_id else None,
            version=base.version,  # as last shown: a colleague's save since is a conflict
        )

    def _row_priority(self) -> int | None:
        return self._row.priority_id if self._row is not None else None

    def _priority_chosen(self) -> None:
        self._offer_outcomes(None)
        self._mark_changed()

    def _offer_outcomes(self, chosen: int | None) -> None:
        # The outcomes of the priority in the Priority box; the action's own is always there.
        priority_id = self.priority.currentData()
        self.outcome.clear()
        self.outcome.addItem("No outcome", None)
        node = next((n for n in self._outline if n.id == priority_id), None)
        choices = [(outcome.id, outcome.title) for outcome in node.outcomes] if node else []
        row = self._row
        if row is not None and row.outcome_id is not None and row.priority_id == priority_id:
            if row.outcome_id not in [outcome_id for outcome_id, _title in choices]:
                choices.append((row.outcome_id, row.outcome_title))  # never lose the link
        for outcome_id, title in choices:
            self.outcome.addItem(title, outcome_id)
        self.outcome.setCurrentIndex(max(self.outcome.findData(chosen), 0))

    def _timescale_as_typed(self) -> str:
        shown, stored = self._timescale_shown
        text = self.timescale.text()
        return stored if text == shown else text

    def _mark_changed(self) -> None:
        self._set_changed(self._row is not None)

    def _set_changed(self, changed: bool) -> None:
        self.save_button.setEnabled(changed)
        self.revert_button.setEnabled(changed)
        if changed != self._changed:
            self._changed = changed
            self.changes_pending.emit(changed)

    def _save(self) -> None:
        if self._row is not None:
            self.edit_requested.emit(self._row.id, self.edited_draft())

    def _revert(self) -> None:
        if self._row is not None:
            self._draft = self._newest or self._draft
            self._newest = None
            self._fill(self._draft or _draft_of(self._row))
            self._set_changed(False)
            self.note.hide()

    def _request_progress(self) -> None:
        if self._row is not None:
            self.record_progress_requested.emit(self._row.id)


def _draft_of(row: ActionRow) -> ActionDraft:
    return ActionDraft(
        text=row.text,
        ref=row.ref,
        timescale=row.timescale_raw,
        lead=row.lead_raw,
        how_we_know=row.how_we_know,
        outcome_id=row.outcome_id,
        status=row.status,
    )


def _facts_html(row: ActionRow) -> str:
    due = format_due(row.due_date) or "no date"
    overdue = " — <b>overdue</b>" if row.overdue else ""
    why = escape(row.suggestion_reason)
    parts = [
        f"<p><b>Due:</b> {due}{overdue}</p>",
        f"<p><b>Status:</b> {row.status.word} &nbsp; <b>RAG:</b> {chip_html(row.rag)} &nbsp; "
        f"<b>Suggested:</b> {chip_html(row.suggested_rag)} <i>{why}</i></p>",
    ]
    if row.outcome_title:
        parts.insert(0, f"<p><b>Outcome:</b> {escape(row.outcome_title)}</p>")
    if row.agencies:
        parts.append(f"<p><b>Agencies:</b> {escape(', '.join(row.agencies))}</p>")
    return "".join(parts)


def _priority_html(node: PriorityNode) -> str:
    # The words heading the action's priority, so the lead sees what the action serves.
    parts = [
        f"<p><b>{label}:</b> {escape(words).replace(chr(10), '<br>')}</p>"
        for label, words in (("Priority aim", node.aim), ("Executive champion", node.champion))
        if words.strip()
    ]
    return "".join(parts)


def _history_html(updates: list[UpdateView]) -> str:
    if not updates:
        return "<h4>History</h4><p>No progress recorded yet.</p>"
    items = []
    for update in updates:
        who = f" — {escape(update.author)}" if update.author else ""
        reason = f"<br><i>Reason: {escape(update.reason)}</i>" if update.reason else ""
        source = f"<br><i>From the {escape(update.from_return)}</i>" if update.from_return else ""
        text = escape(update.text).replace("\n", "<br>")
        items.append(
            f"<p><b>{escape(update.when)}</b>{who} {chip_html(update.rag)} "
            f"{update.status.word}<br>{text}{reason}{source}</p>"
        )
    return "<h4>History</h4>" + "".join(items)
