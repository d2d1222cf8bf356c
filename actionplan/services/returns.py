"""Update returns: a workbook per lead to fill in, and merging the filled-in returns back.

Each return issued is recorded in the database (the lead, the day, each action with its row
version and its revision) and signed with the database's own key, so a return whose lead,
actions, versions or signature do not match what was issued is refused whole, and nothing in
it is merged.

Merging first shows what each return would change. Applying records each change as a
progress update by that lead, marked with the return it came from; applying the same return
twice records nothing twice. A row the lead added, a locked cell they edited and an update
dated before the plan began or more than a year ahead are each reported, and not merged.

Conflicts follow the team's one rule, the action's row version: an action whose version has
not moved since issue is exactly what the lead saw. One whose version moved is looked at: when
its revision moved too, someone changed its words or recorded progress on it since, so it is a
conflict, left alone and never overwritten, and the preview names who last changed it and when.
When only the version moved (the action was reordered, or its form saved with nothing
changed) the lead's update merges. Both counters are kept because one cannot do both jobs
honestly: the version must move on every write, a reorder included, or a colleague's write
could be lost; the revision must not, or every reorder would turn a lead's update into a
conflict. A return issued before versions were kept has none, and merges by its revision.

A lead's RAG that differs from the suggested RAG is recorded with the reason the lead wrote
in the return's Reason column; when they left it empty the update is still recorded (a
lead's update is never lost) with the reason "No reason given in <lead>'s return", and the
preview says so, so the business manager can follow it up.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from actionplan.domain.rag import Rag, rag_from_word
from actionplan.domain.return_signature import (
    IssuedEntry,
    IssuedRecord,
    cell_seal,
    return_signature,
    same_signature,
)
from actionplan.domain.rules import rag_disagrees
from actionplan.domain.status import Status, status_from_word
from actionplan.domain.timescale import format_due
from actionplan.excel.errors import WorkbookError
from actionplan.excel.returns.reader import AddedRow, ReturnedFile, ReturnedRow, read_return
from actionplan.excel.returns.writer import (
    COLUMNS,
    FIRST_ROW,
    ReturnAsk,
    ReturnIssue,
    write_return,
)
from actionplan.services.actions import ActionRow, action_rows
from actionplan.services.errors import ServiceError
from actionplan.services.exporting import write_atomically
from actionplan.services.importing import refuse_the_open_database
from actionplan.services.plans import chosen_plan, find_plan, list_plans
from actionplan.services.progress import ProgressEntry, record_progress, suggestion_for
from actionplan.services.return_changes import ReturnChange, ReturnReport
from actionplan.services.views import PlanInfo
from actionplan.store.database import Database
from actionplan.store.errors import StoreError
from actionplan.store.issued_returns import ActionNow, action_now, issue_return, issued_record

__all__ = [
    "ReturnAsk",
    "ReturnChange",
    "ReturnReport",
    "ReturnsExport",
    "apply_returns",
    "export_returns",
    "preview_returns",
]

_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


@dataclass(frozen=True)
class ReturnsExport:
    """The returns written, one per lead, and how many actions have no lead to send one to."""

    files: list[Path]
    leads: list[str]
    without_lead: int
    return_ids: list[int] = field(default_factory=list)  # each return's id, as files


def export_returns(
    db: Database,
    out_dir: Path,
    plan_name: str | None = None,
    as_of: date | None = None,
    leads: Collection[str] | None = None,
    ask: ReturnAsk | None = None,
) -> ReturnsExport:
    """Write one return workbook per lead into ``out_dir`` (made if missing); only to the
    ``leads`` named when given, and with the round's deadline and reply address when asked."""
    when = as_of or date.today()
    plan = chosen_plan(db, plan_name)
    plan_id, title, send_to = plan.id, plan.title, plan.prepared_by
    rows = action_rows(db, plan_id, when)
    wanted = None if leads is None else {lead.casefold() for lead in leads}
    by_lead = {
        lead: mine
        for lead, mine in _by_lead(rows).items()
        if wanted is None or lead.casefold() in wanted
    }
    folder = _folder(Path(out_dir))
    files: list[Path] = []
    return_ids: list[int] = []
    for lead, mine in by_lead.items():
        issue = _issue(db, plan_id, lead, when, mine)
        issue = replace(issue, plan_title=title, send_to=send_to or _MANAGER, ask=ask)
        path = _unique(folder, lead, files, ask.board if ask else "")
        write_atomically(path, partial(write_return, issue))
        files.append(path)
        return_ids.append(issue.return_id)
    without = sum(1 for row in rows if not row.leads)
    return ReturnsExport(files, list(by_lead), without, return_ids)


_MANAGER = "the partnership's business manager"


def _issue(db: Database, plan_id: int, lead: str, when: date, mine: list[ActionRow]) -> ReturnIssue:
    """Record the return issued to the lead and sign it; the key stays in memory."""
    try:
        record, key = issue_return(db, plan_id, lead, when, [row.id for row in mine], FIRST_ROW)
    except StoreError as exc:
        raise ServiceError(str(exc)) from None
    revisions = {entry.action_id: entry.revision for entry in record.entries}
    versions = {entry.action_id: entry.version or 0 for entry in record.entries}
    return ReturnIssue(
        plan_id, "", lead, when, "", mine, revisions, versions,
        return_id=record.return_id, lead_id=record.lead_id,
        signature=return_signature(key, record),
        seal=partial(cell_seal, key, record.return_id),
    )  # fmt: skip


def _by_lead(rows: list[ActionRow]) -> dict[str, list[ActionRow]]:
    names: dict[str, str] = {}
    grouped: dict[str, list[ActionRow]] = {}
    for row in rows:
        for lead in dict.fromkeys(row.leads):
            name = names.setdefault(lead.casefold(), lead)
            grouped.setdefault(name, []).append(row)
    return grouped


def _folder(out_dir: Path) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServiceError(f"The folder '{out_dir}' could not be made: {exc.strerror}.") from None
    return out_dir


def _unique(folder: Path, lead: str, taken: list[Path], board: str = "") -> Path:
    named = f"Return - {lead} - {board}" if board else f"Return - {lead}"
    stem = _UNSAFE_IN_NAMES.sub("-", named).strip(" .")[:80] or "Return"
    path, number = folder / f"{stem}.xlsx", 2
    # A return already in the folder may be one a lead has filled in: never written over.
    while path.exists() or any(path.name.casefold() == o.name.casefold() for o in taken):
        path, number = folder / f"{stem} ({number}).xlsx", number + 1
    return path


def preview_returns(
    db: Database,
    files: Sequence[Path],
    plan_name: str | None = None,
    as_of: date | None = None,
) -> list[ReturnReport]:
    """What each return would change, with its conflicts and problems; nothing is recorded."""
    return [_preview(db, Path(file), plan_name, as_of or date.today()) for file in files]


def apply_returns(
    db: Database,
    files: Sequence[Path],
    plan_name: str | None = None,
    as_of: date | None = None,
) -> list[ReturnReport]:
    """Record every change of every return as progress by its lead; conflicts are left alone."""
    reports = []
    for file in files:
        report = _preview(db, Path(file), plan_name, as_of or date.today())
        changes = [_apply(db, report, change) for change in report.changes]
        reports.append(replace(report, changes=changes, applied=not report.error))
    return reports


def _apply(db: Database, report: ReturnReport, change: ReturnChange) -> ReturnChange:
    if change.kind != "change" or change.update_date is None:
        return change
    entry = ProgressEntry(
        action_id=change.action_id,
        update_date=change.update_date,
        rag=change.new_rag,
        status=change.new_status,
        text=change.update,
        author=report.lead,
        reason=change.reason,
        issued_return_id=report.return_id,
    )
    try:
        update_id = record_progress(db, entry)
    except ServiceError as exc:
        return replace(change, kind="problem", note=str(exc))
    return replace(change, kind="recorded", update_id=update_id)


def recorded_updates(
    reports: Sequence[ReturnReport],
) -> list[tuple[ProgressEntry, int, tuple[Rag, Status]]]:
    """Each update merging recorded: what it said, its id, and the RAG and status it replaced
    (what the window needs to take a merge back with Undo)."""
    recorded = []
    for report in reports:
        for change in report.changes:
            if change.kind == "recorded" and change.update_id and change.update_date:
                entry = ProgressEntry(
                    change.action_id, change.update_date, change.new_rag, change.new_status,
                    change.update, report.lead, change.reason, report.return_id,
                )  # fmt: skip
                recorded.append((entry, change.update_id, (change.old_rag, change.old_status)))
    return recorded


def _preview(db: Database, file: Path, plan_name: str | None, as_of: date) -> ReturnReport:
    try:
        refuse_the_open_database(file)
        returned = read_return(file)
        plan = _check_plan(db, file, returned, plan_name)
        record, key = _check_issued(db, file, returned)
    except (WorkbookError, ServiceError) as exc:
        return ReturnReport(file, "", "", [], error=str(exc))
    window = (plan.period_start, as_of + timedelta(days=365))
    changes = [_change(db, record, key, row, as_of, window) for row in returned.rows]
    changes += [_added(row) for row in returned.added]
    report = ReturnReport(file, record.lead_name, plan.title, changes)
    return replace(report, return_id=record.return_id, issued_on=record.issued_on)


def _check_issued(db: Database, file: Path, returned: ReturnedFile) -> tuple[IssuedRecord, bytes]:
    """The return as the database issued it; a return it did not issue, or whose lead,
    actions, revisions, versions or signature differ from what was issued, is refused whole."""
    try:
        record, key = issued_record(db, returned.return_id)
    except StoreError as exc:
        raise ServiceError(str(exc)) from None
    name = f"'{file.name}'"
    if record is None or record.plan_id != returned.plan_id:
        raise ServiceError(f"{name} is not a return this database issued, so it cannot be merged.")
    fresh = f"send {record.lead_name} a fresh return"
    claimed = tuple(IssuedEntry(r.row, r.action_id, r.revision, r.version) for r in returned.rows)
    if (returned.lead_id, returned.lead) != (record.lead_id, record.lead_name):
        raise ServiceError(
            f"{name} names the lead '{returned.lead}', but it was issued to {record.lead_name} on "
            f"{format_due(record.issued_on)}, so it cannot be merged; {fresh}."
        )
    if [(e.row, e.action_id) for e in claimed] != [(e.row, e.action_id) for e in record.entries]:
        raise ServiceError(
            f"{name} lists other actions than the return issued to {record.lead_name} on "
            f"{format_due(record.issued_on)}, so it cannot be merged; {fresh}."
        )
    # A revision or version edited in the file is no longer what the signature was made over.
    signed = return_signature(key, replace(record, entries=claimed))
    if claimed != record.entries or not same_signature(signed, returned.signature):
        raise ServiceError(
            f"{name} does not carry this database's signature, so it cannot be merged; {fresh}."
        )
    return record, key


def _added(row: AddedRow) -> ReturnChange:
    return ReturnChange(
        action_id=0, ref=row.ref, text=row.text, kind="problem",
        old_rag=Rag.UNRATED, new_rag=Rag.UNRATED,
        old_status=Status.NOT_RECORDED, new_status=Status.NOT_RECORDED,
        update="", update_date=None,
        note=f"row {row.row} was added to the return; an added row is not merged (add the "
        "action in the app if it is needed)",
    )  # fmt: skip


def _check_plan(
    db: Database, file: Path, returned: ReturnedFile, plan_name: str | None
) -> PlanInfo:
    wanted = find_plan(db, plan_name) if plan_name else None
    stored = next((plan for plan in list_plans(db) if plan.id == returned.plan_id), None)
    name = f"'{file.name}'"
    if wanted is not None and (wanted.id, wanted.title) != (returned.plan_id, returned.plan_title):
        raise ServiceError(
            f"{name} is a return for the plan '{returned.plan_title}', not for '{wanted.title}'."
        )
    if stored is None or stored.title != returned.plan_title:
        raise ServiceError(
            f"{name} is a return for the plan '{returned.plan_title}', which is not in this "
            "database."
        )
    return stored


def _change(
    db: Database,
    record: IssuedRecord,
    key: bytes,
    row: ReturnedRow,
    as_of: date,
    window: tuple[date | None, date],
) -> ReturnChange:
    action = action_now(db, row.action_id)
    change = ReturnChange.of(row, row.update_date or as_of)
    if action is None or action.plan_id != record.plan_id:
        return replace(change, kind="problem", note="this action is no longer in the plan")
    # Named and compared as the database has it, never as the file says.
    change = replace(change, ref=action.ref, text=action.text)
    overtaken = _overtaken(action, row)
    if not overtaken:  # what the lead saw is the plan's
        now = rag_from_word(action.rag), status_from_word(action.status)
        change = replace(change, old_rag=now[0], old_status=now[1])
    problem = row.problem or _locked_edits(key, record.return_id, row) or _out_of_range(row, window)
    if problem:
        return replace(change, kind="problem", note=problem)
    if not change.asks_for_change:
        return replace(change, kind="unchanged")
    if overtaken:
        latest = action.last_recorded
        if latest is not None and change.matches(latest, record.lead_name):
            return replace(change, kind="already")
        by, at = action.changed_by, action.changed_at
        return replace(change, kind="conflict", changed_by=by, changed_at=at)
    return _with_reason(db, change, record.lead_name)


def _overtaken(action: ActionNow, row: ReturnedRow) -> bool:
    """True when someone changed the action since the return was issued, beyond bookkeeping."""
    if row.version is not None and action.version == row.version:
        return False  # nobody has written the action since
    # Written since, or issued before versions were kept: a reorder or a form saved unchanged
    # left the revision where it was.
    return action.revision != row.revision


def _locked_edits(key: bytes, return_id: int, row: ReturnedRow) -> str:
    edited = [
        COLUMNS[column - 1][0]
        for (column, text), seal in zip(row.locked, row.seals, strict=False)
        if not same_signature(cell_seal(key, return_id, row.row, column, text), seal)
    ]
    if len(row.seals) < len(row.locked):
        edited += [COLUMNS[column - 1][0] for column, _text in row.locked[len(row.seals) :]]
    if not edited:
        return ""
    return (
        f"locked cells were changed in the return ({', '.join(edited)}), so the row is not merged"
    )


def _out_of_range(row: ReturnedRow, window: tuple[date | None, date]) -> str:
    began, latest = window
    when = row.update_date
    if when is None:
        return ""
    if began is not None and when < began:
        return (
            f"the update is dated {format_due(when)}, before the plan began ({format_due(began)})"
        )
    if when > latest:
        return f"the update is dated {format_due(when)}, more than a year ahead"
    return ""


def _with_reason(db: Database, change: ReturnChange, lead: str) -> ReturnChange:
    assert change.update_date is not None
    suggested = suggestion_for(db, change.action_id, change.update_date, change.new_status)
    if change.reason or not rag_disagrees(change.new_rag, suggested.rag):
        return replace(change, kind="change")
    return replace(
        change,
        kind="change",
        reason=f"No reason given in {lead}'s return",
        note=f"no reason given for {change.new_rag.word} where {suggested.rag.word} "
        f"was suggested ({suggested.reason})",
    )
