"""MergeReturnsDialog: what the leads' returns would change, approved before it is recorded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from actionplan.gui.worker import Worker, start
from actionplan.services.errors import USER_ERRORS
from actionplan.services.returns import apply_returns, preview_returns

if TYPE_CHECKING:
    from actionplan.services.workspace import Database


class MergeReturnsDialog(QDialog):
    """Shows each return's diff (old → new RAG and status, the update); Record applies them."""

    applied = Signal(object)  # the reports of what was recorded

    def __init__(self, db: Database, files: list[Path], plan: str | None, parent: Any = None):
        super().__init__(parent)
        self.db, self.files, self.plan = db, files, plan
        self.reports: list[Any] = []
        self.setWindowTitle("Merge returns from leads")
        self.resize(900, 600)
        self.intro = QLabel("Reading the returns… nothing is recorded until you choose Record.")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # a failure quotes file names as they are
        self.diff = QPlainTextEdit()
        self.diff.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.record_button = self.buttons.addButton(
            "Record", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.diff, self.buttons):
            layout.addWidget(widget)

    def preview(self) -> None:
        """Read the returns on a worker and show what they would change."""
        db, files, plan = self.db, self.files, self.plan
        self._work(lambda _p, _c: preview_returns(db, files, plan), self._previewed)

    def record(self) -> None:
        """Record every change (conflicts are left alone) and show what was done."""
        self.record_button.setEnabled(False)
        db, files, plan = self.db, self.files, self.plan
        self._work(lambda _p, _c: apply_returns(db, files, plan), self._recorded)

    def _work(self, job: Any, done: Any) -> None:
        self.worker = Worker(job)
        self.worker.signals.succeeded.connect(done)
        self.worker.signals.failed.connect(self._failed)
        start(self.worker)

    def _previewed(self, reports: list[Any]) -> None:
        self.reports = reports
        self.diff.setPlainText(_text(reports))
        to_record = sum(report.count("change") for report in reports)
        self.intro.setText(f"{to_record} changes to record. Conflicts and problems are left alone.")
        self.record_button.setEnabled(to_record > 0)

    def _recorded(self, reports: list[Any]) -> None:
        self.reports = reports
        self.diff.setPlainText(_text(reports))
        self.intro.setText("Recorded. Each change is kept as a progress update by its lead.")
        self.applied.emit(reports)

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, USER_ERRORS) else f"Something went wrong: {exc}"
        self.intro.setText(message)


def _text(reports: list[Any]) -> str:
    lines: list[str] = []
    for report in reports:
        lines.append(report.heading())
        lines += [f"  {line}" for line in _change_lines(report)]
    return "\n".join(lines)


def _change_lines(report: Any) -> list[str]:
    return [change.describe() for change in report.changes]
