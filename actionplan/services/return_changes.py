"""What merging an update return does to each action, in words a business manager reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.timescale import format_due
from actionplan.excel.returns.reader import ReturnedRow
from actionplan.store.issued_returns import LastRecorded

# kind: "change" (would be recorded), "recorded", "conflict" (changed in the app since the
# return was issued, more than a reorder or a form saved unchanged: left alone), "already"
# (this update is already in the plan), "unchanged" or "problem" (a cell the lead filled in
# that cannot be read).
KINDS = ("change", "recorded", "conflict", "already", "unchanged", "problem")


@dataclass(frozen=True)
class ReturnChange:
    """One action's row of a return: old and new RAG and status, the new update, and its fate."""

    action_id: int
    ref: str
    text: str
    kind: str
    old_rag: Rag
    new_rag: Rag
    old_status: Status
    new_status: Status
    update: str
    update_date: date | None
    reason: str = ""
    note: str = ""
    update_id: int | None = None  # the progress update recorded from it
    # A conflict's colleague: who last changed the action and when (local time; None: unknown).
    changed_by: str = ""
    changed_at: datetime | None = None

    @classmethod
    def of(cls, row: ReturnedRow, update_date: date) -> ReturnChange:
        """The change a returned row asks for (its kind decided later)."""
        return cls(
            action_id=row.action_id,
            ref=row.ref,
            text=row.text,
            kind="change",
            old_rag=row.issued_rag,
            new_rag=row.rag,
            old_status=row.issued_status,
            new_status=row.status,
            update=row.update,
            update_date=update_date,
            reason=row.reason,
        )

    @property
    def asks_for_change(self) -> bool:
        """True when the lead wrote an update or chose another RAG or status."""
        return bool(self.update) or (self.new_rag, self.new_status) != (
            self.old_rag,
            self.old_status,
        )

    def matches(self, update: LastRecorded, lead: str) -> bool:
        """True when the stored update is this very change, already recorded from the return."""
        return (
            update.author == lead.strip()
            and update.text == self.update.strip()
            and update.update_date == self.update_date
            and (update.rag, update.status) == (self.new_rag.value, self.new_status.value)
        )

    def describe(self) -> str:
        """One line saying what happens to the action."""
        name = self._name()
        if self.kind == "conflict":
            return (
                f"CONFLICT {name}: {self._changed()}, after the return was sent, so it was "
                f"left as it is (the return says {self._moves()})."
            )
        if self.kind == "problem":
            return f"PROBLEM {name}: {self.note}; left as it is."
        if self.kind == "unchanged":
            return f"{name}: no change."
        if self.kind == "already":
            return f"{name}: already recorded."
        done = "recorded: " if self.kind == "recorded" else ""
        note = f" Note: {self.note}." if self.note else ""
        return f"{name}: {done}{self._moves()}.{note}"

    def _changed(self) -> str:
        who = self.changed_by or "someone"
        when = self.changed_at
        if when is None:
            return f"{who} changed this action"
        return f"{who} changed this action on {format_due(when.date())} at {when:%H:%M}"

    def _name(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"{self.ref} {words}".strip()

    def _moves(self) -> str:
        # Only what changes, so a business manager reads the change and not the noise.
        rag, status = "", ""
        if self.new_rag != self.old_rag:
            rag = f"RAG {self.old_rag.word} → {self.new_rag.word}"
        if self.new_status != self.old_status:
            status = f"status {self.old_status.choice} → {self.new_status.choice}"
        words = f'update {format_due(self.update_date)}: "{self.update}"' if self.update else ""
        reason = f'reason: "{self.reason}"' if self.reason else ""
        return ", ".join(part for part in (rag, status, words, reason) if part) or "no change"


@dataclass(frozen=True)
class ReturnReport:
    """What one return file holds and what merging it does (or why it cannot be merged)."""

    file: Path
    lead: str
    plan_title: str
    changes: list[ReturnChange] = field(default_factory=list)
    error: str = ""
    applied: bool = False
    return_id: int | None = None  # the issued return, as the database recorded it
    issued_on: date | None = None

    def count(self, *kinds: str) -> int:
        """How many of the return's rows are of these kinds."""
        return sum(1 for change in self.changes if change.kind in kinds)

    def heading(self) -> str:
        """One line naming the file, the lead and what the return holds."""
        if self.error:
            return f"{self.file.name}: {self.error}"
        done = "recorded" if self.applied else "to record"
        issued = f" issued {format_due(self.issued_on)}" if self.issued_on else ""
        return (
            f"{self.file.name} – return{issued} from {self.lead} for {self.plan_title}: "
            f"{self.count('change', 'recorded')} {done}, {self.count('conflict')} conflicts, "
            f"{self.count('problem')} problems, {self.count('unchanged', 'already')} unchanged."
        )
