"""RoundMenu: Plan ▸ Start an update round… and Plan ▸ Update round…, for one main window."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from actionplan.domain.wording import counted
from actionplan.gui import prompts
from actionplan.gui.changes import Changes
from actionplan.gui.commands import MergeCommand
from actionplan.gui.rounds.round_dialog import RoundDialog
from actionplan.gui.rounds.round_merge_dialog import RoundMergeDialog
from actionplan.gui.rounds.start_round_dialog import StartRoundDialog
from actionplan.services.returns import recorded_updates
from actionplan.services.round_progress import (
    LeadStanding,
    chase,
    close,
    put_merged_on,
    remake_email,
    round_record,
    standings,
)
from actionplan.services.rounds import (
    RoundInfo,
    RoundStart,
    find_round,
    leads_to_ask,
    plan_rounds,
    start_round,
)

if TYPE_CHECKING:
    from actionplan.gui.workspace import Workspace
    from actionplan.services.workspace import Database


class RoundMergeCommand(MergeCommand):
    """A round's merge: its updates, and each lead's day of merging, undone and redone together."""

    def __init__(
        self, db: Database, recorded: list[Any], days: dict[int, tuple[date | None, date]]
    ) -> None:
        super().__init__(db, recorded)
        self.db, self.days = db, days

    def apply(self) -> Changes:
        """Record the updates again and note the returns as merged."""
        changes = super().apply()
        for lead_id, (_before, after) in self.days.items():
            put_merged_on(self.db, lead_id, after)
        return changes

    def revert(self) -> Changes:
        """Take the updates back; the returns are no longer merged."""
        changes = super().revert()
        for lead_id, (before, _after) in self.days.items():
            put_merged_on(self.db, lead_id, before)
        return changes


class RoundMenu(QObject):
    """Starting an update round and the round screen, over one main window."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace, self.widget = workspace, parent
        self.start_dialog: StartRoundDialog | None = None
        self.merge_dialog: RoundMergeDialog | None = None
        self.dialog = RoundDialog(parent)
        self.dialog.returns_dropped.connect(self.collect)
        self.dialog.collect_requested.connect(self.choose_returns)
        self.dialog.remake_requested.connect(self.remake)
        self.dialog.chase_requested.connect(self.chase)
        self.dialog.close_requested.connect(self.close_round)
        workspace.changed.connect(lambda _changes: self.refresh())

    def start_round(self) -> None:
        """Ask for the deadline, board, message and leads; then write the returns and emails."""
        plan = self.workspace.current_plan
        if plan is None:
            return
        db, today = self.workspace.db, self.workspace.as_of
        leads = prompts.attempt(self.widget, lambda: leads_to_ask(db, plan.id, today), "Round")
        if leads is False:
            return
        self.start_dialog = StartRoundDialog(leads, today, self.widget)
        self.start_dialog.accepted.connect(self._start_chosen)
        self.start_dialog.open()

    def _start_chosen(self) -> None:
        assert self.start_dialog is not None
        start, folder = self.start_dialog.choice()
        if folder is None:
            folder = prompts.choose_folder(self.widget, "Folder for the round's returns and emails")
        if folder is None:
            return
        self.begin(start, folder)

    def begin(self, start: RoundStart, folder: Path) -> RoundInfo | None:
        """Start the round into the folder and show the round screen; None when refused."""
        plan = self.workspace.current_plan
        if plan is None:
            return None
        db, today = self.workspace.db, self.workspace.as_of
        job = lambda: start_round(db, start, folder, plan.title, today)  # noqa: E731
        started = prompts.attempt(self.widget, job, "Start an update round")
        if started is False:
            return None
        asked = standings(db, started, today)
        unaddressed = [s.lead.lead_name for s in asked if not s.lead.email]
        self.workspace.tell(
            f"Round '{started.name}' started: {counted(len(asked), 'return')} and email drafts "
            f"written to {folder}.", 8000,
        )  # fmt: skip
        if unaddressed:
            prompts.inform(
                self.widget, "Start an update round",
                f"{counted(len(unaddressed), 'lead')} ({', '.join(unaddressed)}) "
                f"ha{'s' if len(unaddressed) == 1 else 've'} no email address, so the draft has "
                "no To: type it under Edit ▸ Leads and agencies… and choose Re-make email.",
            )  # fmt: skip
        self.show_round()
        return started

    def current(self) -> RoundInfo | None:
        """The plan's newest round; None when it has none."""
        plan = self.workspace.current_plan
        if plan is None:
            return None
        rounds = plan_rounds(self.workspace.db, plan.id)
        return rounds[-1] if rounds else None

    def show_round(self) -> None:
        """Show the round screen for the plan's newest round."""
        round_ = self.current()
        if round_ is None:
            prompts.inform(
                self.widget, "Update round",
                "This plan has no update round yet: choose Plan ▸ Start an update round… first.",
            )  # fmt: skip
            return
        self.refresh()
        self.dialog.show()
        self.dialog.raise_()

    def refresh(self) -> None:
        """Read the round again and show it (after a merge, chase, undo or another plan)."""
        round_ = self.current()
        if round_ is None:
            self.dialog.hide()
            return
        self.dialog.show_round(round_, standings(self.workspace.db, round_, self.workspace.as_of))

    def choose_returns(self) -> None:
        """Choose returned workbooks to collect."""
        files = prompts.open_files(self.dialog, "Returned workbooks", "Returns (*.xlsx)")
        if files:
            self.collect(files)

    def collect(self, files: list[Path]) -> None:
        """Receive the returned workbooks: each checked and previewed; Record merges them."""
        round_ = self.current()
        if round_ is None:
            return
        self.merge_dialog = RoundMergeDialog(
            self.workspace.db, round_, files, self.workspace.as_of, self.dialog
        )
        self.merge_dialog.applied.connect(self._merged)
        self.merge_dialog.received.connect(self.refresh)
        self.merge_dialog.finished.connect(lambda _result: self.refresh())
        self.merge_dialog.open()
        self.merge_dialog.preview()

    def _merged(self, reports: list[Any]) -> None:
        assert self.merge_dialog is not None
        recorded = recorded_updates(reports)
        if recorded:  # Undo takes every update of the merge back, and the round's record
            db, days = self.workspace.db, self.merge_dialog.merged_days
            self.workspace.push(RoundMergeCommand(db, recorded, days))
        self.refresh()

    def remake(self, standing: LeadStanding) -> None:
        """Write the lead's email draft again (with their address as it is now)."""
        round_ = self.current()
        if round_ is None:
            return
        job = lambda: remake_email(self.workspace.db, round_, standing.lead)  # noqa: E731
        made = prompts.attempt(self.dialog, job, "Re-make email")
        if made is not False:
            self.workspace.tell(f"Email draft written again: {made.name}.", 6000)

    def chase(self, late: list[LeadStanding]) -> None:
        """Write a chase email for each late lead chosen, and note them as chased."""
        round_ = self.current()
        if round_ is None:
            return
        if not late:
            prompts.inform(self.dialog, "Chase", "None of the leads chosen is late.")
            return
        names = [standing.lead.lead_name for standing in late]
        db, today = self.workspace.db, self.workspace.as_of
        made = prompts.attempt(self.dialog, lambda: chase(db, round_, names, today), "Chase")
        if made is not False:
            self.workspace.tell(f"{counted(len(made), 'chase email')} written.", 6000)
            self.refresh()

    def close_round(self) -> None:
        """Close the round, taking the board's snapshot named after it."""
        round_ = self.current()
        if round_ is None:
            return
        question = (
            f"Close the round '{round_.name}'? The plan's RAG and status are frozen in a "
            f"snapshot called '{round_.name}', and the round's record goes into the board pack."
        )
        if not prompts.confirm(self.dialog, "Close the round", question):
            return
        db, today = self.workspace.db, self.workspace.as_of
        done = prompts.attempt(self.dialog, lambda: close(db, round_, today), "Close the round")
        if done is not False:
            record = round_record(db, find_round(db, None, round_.name))
            self.workspace.tell(f"Round '{round_.name}' closed. {record.headline}", 8000)
            self.refresh()
