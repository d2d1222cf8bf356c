"""Update returns: a workbook per lead to fill in, and merging the filled-in returns back.

Merging first shows what each return would change. Applying records each change as a
progress update by that lead. An action changed in the app since its return was issued is
a conflict and is left alone, never overwritten; applying the same return twice records
nothing twice.

A lead's RAG that differs from the suggested RAG is recorded with the reason the lead wrote
in the return's Reason column; when they left it empty the update is still recorded (a
lead's update is never lost) with the reason "No reason given in <lead>'s return", and the
preview says so, so the business manager can follow it up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path

from sqlmodel import col, select

from actionplan.domain.models import Action, Plan, ProgressUpdate
from actionplan.domain.rag import Rag
from actionplan.domain.rules import rag_disagrees
from actionplan.domain.status import Status
from actionplan.excel.errors import WorkbookError
from actionplan.excel.returns import ReturnAction, ReturnIssue, write_return
from actionplan.excel.returns_reader import ReturnedFile, ReturnedRow, read_return
from actionplan.services.actions import ActionRow, action_rows
from actionplan.services.errors import ServiceError
from actionplan.services.exporting import write_atomically
from actionplan.services.importing import refuse_the_open_database
from actionplan.services.plans import resolve_plan
from actionplan.services.progress import ProgressEntry, record_progress, suggestion_for
from actionplan.services.return_changes import ReturnChange, ReturnReport
from actionplan.store.database import Database

__all__ = [
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


def export_returns(
    db: Database, out_dir: Path, plan_name: str | None = None, as_of: date | None = None
) -> ReturnsExport:
    """Write one return workbook per lead into ``out_dir`` (made if missing)."""
    when = as_of or date.today()
    with db.reading() as session:
        plan = resolve_plan(session, plan_name)
        assert plan is not None and plan.id is not None
        plan_id, title, send_to = plan.id, plan.title, plan.prepared_by
        query = select(Action.id, Action.updated_at).where(Action.plan_id == plan_id)
        stamps = {action_id: stamp for action_id, stamp in session.exec(query)}
    rows = action_rows(db, plan_id, when)
    by_lead = _by_lead(rows)
    folder = _folder(Path(out_dir))
    files: list[Path] = []
    for lead, mine in by_lead.items():
        actions = [_return_action(row, stamps[row.id].isoformat()) for row in mine]
        issue = ReturnIssue(plan_id, title, lead, when, send_to or _MANAGER, actions)
        path = _unique(folder, lead, files)
        write_atomically(path, partial(write_return, issue))
        files.append(path)
    return ReturnsExport(files, list(by_lead), sum(1 for row in rows if not row.leads))


_MANAGER = "the partnership's business manager"


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


def _unique(folder: Path, lead: str, taken: list[Path]) -> Path:
    stem = _UNSAFE_IN_NAMES.sub("-", f"Return - {lead}").strip(" .")[:80] or "Return"
    path, number = folder / f"{stem}.xlsx", 2
    # A return already in the folder may be one a lead has filled in: never written over.
    while path.exists() or any(path.name.casefold() == o.name.casefold() for o in taken):
        path, number = folder / f"{stem} ({number}).xlsx", number + 1
    return path


def _return_action(row: ActionRow, updated_at: str) -> ReturnAction:
    return ReturnAction(
        action_id=row.id,
        updated_at=updated_at,
        ref=row.ref,
        priority=row.priority_title,
        text=row.text,
        timescale=row.timescale_raw,
        due=row.due_date,
        rag=row.rag,
        status=row.status,
        suggested=row.suggested_rag,
        latest_update=row.latest_update,
        latest_date=row.latest_update_date,
        latest_when=row.latest_update_when,
    )


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
        changes = [_apply(db, report.lead, change) for change in report.changes]
        reports.append(replace(report, changes=changes, applied=not report.error))
    return reports


def _apply(db: Database, lead: str, change: ReturnChange) -> ReturnChange:
    if change.kind != "change" or change.update_date is None:
        return change
    entry = ProgressEntry(
        action_id=change.action_id,
        update_date=change.update_date,
        rag=change.new_rag,
        status=change.new_status,
        text=change.update,
        author=lead,
        reason=change.reason,
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
                    change.update, report.lead, change.reason,
                )  # fmt: skip
                recorded.append((entry, change.update_id, (change.old_rag, change.old_status)))
    return recorded


def _preview(db: Database, file: Path, plan_name: str | None, as_of: date) -> ReturnReport:
    try:
        refuse_the_open_database(file)
        returned = read_return(file)
        _check_plan(db, file, returned, plan_name)
    except (WorkbookError, ServiceError) as exc:
        return ReturnReport(file, "", "", [], error=str(exc))
    changes = [_change(db, returned, row, as_of) for row in returned.rows]
    return ReturnReport(file, returned.lead, returned.plan_title, changes)


def _check_plan(db: Database, file: Path, returned: ReturnedFile, plan_name: str | None) -> None:
    with db.reading() as session:
        wanted = resolve_plan(session, plan_name) if plan_name else None
        stored = session.get(Plan, returned.plan_id)
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


def _change(db: Database, returned: ReturnedFile, row: ReturnedRow, as_of: date) -> ReturnChange:
    with db.reading() as session:
        action = session.get(Action, row.action_id)
        latest = session.exec(
            select(ProgressUpdate)
            .where(ProgressUpdate.action_id == row.action_id)
            .order_by(col(ProgressUpdate.id).desc())
        ).first()
    change = ReturnChange.of(row, row.update_date or as_of)
    if action is None or action.plan_id != returned.plan_id:
        return replace(change, kind="problem", note="this action is no longer in the plan")
    if row.problem:
        return replace(change, kind="problem", note=row.problem)
    if not row.changed:
        return replace(change, kind="unchanged")
    if action.updated_at.isoformat() != row.issued_updated_at:
        recorded = latest is not None and change.matches(latest, returned.lead)
        return replace(change, kind="already" if recorded else "conflict")
    return _with_reason(db, change, returned.lead)


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
