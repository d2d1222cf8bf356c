"""The activity log: who changed what, from what to what, and when, in plain words.

Entries for one action (its progress, measures and readings too), for a plan, or for a
stretch of days, newest first, at the local time of the server's stamp; and the same
exported to a workbook or a CSV file. The log is only ever added to; undoing a change
adds an entry of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from actionplan.domain.rag import Rag
from actionplan.domain.status import status_from_word
from actionplan.excel.activity_sheet import write_activity_csv, write_activity_workbook
from actionplan.services.errors import ServiceError
from actionplan.services.exporting import write_atomically
from actionplan.store import activity_log
from actionplan.store.activity import LoggedChange, logged_changes
from actionplan.store.database import Database

EXPORT_HEADERS = ("When", "Who", "Which", "What", "From", "To", "Kind")

# Each stored field as people call it; one missing here is shown from its column's name.
_FIELD_WORDS = {
    "aim": "Aim",
    "agency": "Agency",
    "analysis": "Analysis of progress",
    "author": "Author",
    "baseline_raw": "Baseline",
    "champion": "Executive champion",
    "direction_raw": "Better when",
    "done": "What has been done",
    "how_we_know": "How we will know",
    "impact": "Impact of the work",
    "lead_raw": "Lead",
    "marking": "Protective marking",
    "next_steps": "Next steps",
    "number": "Number",
    "outcome_id": "Outcome",
    "period_label": "Period",
    "period_raw": "Period",
    "prepared_by": "Prepared by",
    "priority_id": "Priority",
    "rag": "RAG",
    "ref": "Ref",
    "status": "Status",
    "target_raw": "Target",
    "timescale_raw": "Timescale",
    "unit": "Unit",
    "value_raw": "Reading",
}
_MAIN_WORDS = {"action": "Action", "progress_update": "Update", "measure": "Measure"}

_KIND_WORDS = {
    "changed": "Changed",
    "added": "Added",
    "deleted": "Deleted",
    "progress recorded": "Progress recorded",
    "reading added": "Reading added",
    "undone": "Undone",
}


@dataclass(frozen=True)
class ActivityEntry:
    """One change, as a user reads it."""

    when: datetime  # local time
    who: str
    which: str  # the row as people name it: "action 1.2"
    what: str  # the field: "Status"; blank for a whole row
    old: str  # plain words: "In progress"
    new: str
    kind: str  # Changed, Added, Deleted, Progress recorded, Reading added, Undone
    action_id: int | None

    @property
    def is_field_change(self) -> bool:
        """True for one field changed (or changed back), False for a whole row."""
        return self.kind == "Changed" or bool(self.old and self.new)

    @property
    def change(self) -> str:
        """The change in words: "Status: In progress → Complete", "Added action 1.2: …"."""
        if self.is_field_change:
            words = f"{self.what}: {self.old or '(blank)'} → {self.new or '(blank)'}"
            return words if self.kind == "Changed" else f"{self.kind}: {words}"
        if self.kind in ("Progress recorded", "Reading added"):
            return f"{self.kind}: {self.new}"
        words = self.old or self.new
        words = "" if words in self.which else f": {words}"
        if self.kind == "Undone":
            return f"Undone: {self.which} {'taken out' if self.old else 'put back'}{words}"
        return f"{self.kind} {self.which}{words}"

    @property
    def sentence(self) -> str:
        """ "12 Mar 2025 14:02 · Ana Novak · Status: In progress → Complete", naming the row
        changed when it is not an action itself (a measure of it, say)."""
        named = self.is_field_change and not self.which.startswith("action ")
        which = f"{self.which} · " if named else ""
        return f"{self.when:%d %b %Y %H:%M} · {self.who or 'someone'} · {which}{self.change}"


@contextmanager
def undoing() -> Iterator[None]:
    """Changes written inside are logged as the user undoing their own."""
    with activity_log.undoing():
        yield


def action_activity(db: Database, action_id: int) -> list[ActivityEntry]:
    """One action's history, newest first: its edits, progress, measures and readings."""
    return [_entry(change) for change in logged_changes(db, action_id=action_id)]


def plan_activity(
    db: Database,
    plan_id: int,
    *,
    since: date | None = None,
    until: date | None = None,
    action_ref: str | None = None,
) -> list[ActivityEntry]:
    """A plan's history, newest first, from ``since`` to ``until`` (local days, both
    included), of one action (by its ref, even one since deleted) where asked."""
    if since is not None and until is not None and since > until:
        raise ServiceError(f"The first day ({since}) is after the last ({until}).")
    start = _start_of(since) if since is not None else None
    end = _start_of(until + timedelta(days=1)) if until is not None else None
    changes = logged_changes(db, plan_id=plan_id, since=start, before=end)
    entries = [_entry(change) for change in changes]
    if action_ref is None:
        return entries
    ref = action_ref.strip()
    return [entry for entry in entries if _about(entry, ref)]


def export_activity(entries: list[ActivityEntry], out: Path, *, replace: bool = False) -> Path:
    """Write the entries to an .xlsx workbook or a .csv file, chosen by ``out``'s ending."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".xlsx", ".csv"):
        raise ServiceError(f"'{out.name}' must end in .xlsx or .csv.")
    if out.is_dir():
        raise ServiceError(f"'{out}' is a folder; give the name of the file to write.")
    if not out.parent.is_dir():
        raise ServiceError(
            f"The folder '{out.parent}' does not exist, so '{out.name}' was not written."
        )
    if out.exists() and not replace:
        raise ServiceError(f"'{out.name}' already exists and was not replaced.")
    rows = [
        (entry.when, entry.who, entry.which, entry.what, entry.old, entry.new, entry.kind)
        for entry in entries
    ]
    writer = write_activity_workbook if kind == ".xlsx" else write_activity_csv
    return write_atomically(out, lambda path: writer(path, EXPORT_HEADERS, rows), replace=replace)


def _about(entry: ActivityEntry, ref: str) -> bool:
    # The label names the action as it was called when the change was made.
    return entry.which in (f"action {ref}", f"progress on action {ref}")


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time())  # local midnight: the store compares it in UTC


def _entry(change: LoggedChange) -> ActivityEntry:
    return ActivityEntry(
        when=change.at,
        who=change.who,
        which=change.label,
        what=_field_words(change),
        old=_value_words(change.field, change.old),
        new=_value_words(change.field, change.new),
        kind=_KIND_WORDS.get(change.kind, change.kind.capitalize()),
        action_id=change.action_id,
    )


def _field_words(change: LoggedChange) -> str:
    if change.field in ("text", "name", "title"):
        return _MAIN_WORDS.get(change.what, "Title" if change.field == "title" else "Name")
    return _FIELD_WORDS.get(change.field, change.field.replace("_", " ").capitalize())


def _value_words(field: str, value: str) -> str:
    if not value:
        return ""
    if field == "rag" and value in {rag.value for rag in Rag}:
        return Rag(value).word
    if field == "status":
        return status_from_word(value).word
    return value
