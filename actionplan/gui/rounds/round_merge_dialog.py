"""RoundMergeDialog: the returns collected in a round, checked and previewed, merged on approval."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal

from actionplan.gui.dialogs.merge_returns_dialog import MergeReturnsDialog
from actionplan.services.round_progress import merge_collected
from actionplan.services.rounds import RoundInfo, collect_returns

if TYPE_CHECKING:
    from datetime import date

    from actionplan.services.workspace import Database


class RoundMergeDialog(MergeReturnsDialog):
    """Like merging returns, but each file must be a return of this round: collecting notes it
    as received, Record merges it and notes it as merged."""

    received = Signal()  # the returns were checked and noted as received

    def __init__(
        self, db: Database, round_: RoundInfo, files: list[Path], as_of: date, parent: Any = None
    ) -> None:
        super().__init__(db, files, None, parent)
        self.round, self.as_of = round_, as_of
        self.collected: list[Any] = []
        self.merged_days: dict[int, tuple[date | None, date]] = {}
        self.setWindowTitle(f"Collect returns – {round_.name}")

    def preview(self) -> None:  # overrides MergeReturnsDialog.preview
        """Check each file is a return of the round, note it as received, show its changes."""
        db, round_, files, day = self.db, self.round, self.files, self.as_of
        self._work(lambda _p, _c: collect_returns(db, round_, files, day), self._collected)

    def record(self) -> None:  # overrides MergeReturnsDialog.record
        """Merge every change of the round's returns (conflicts are left alone)."""
        self.record_button.setEnabled(False)
        db, round_, files, day = self.db, self.round, self.files, self.as_of
        self._work(lambda _p, _c: merge_collected(db, round_, files, day), self._merged)

    def _collected(self, collected: list[Any]) -> None:
        self.collected = collected
        self._previewed([item.report for item in collected])
        self.received.emit()

    def _merged(self, collected: list[Any]) -> None:
        # Each lead's merge day before and after, so Undo puts the round's record back too.
        self.merged_days = {
            item.lead.id: (item.lead.merged_on, item.lead.merged_on or self.as_of)
            for item in collected
            if item.lead is not None and not item.error
        }
        self.collected = collected
        self._recorded([item.report for item in collected])
