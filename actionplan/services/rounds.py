"""The quarterly update round: ask every lead by a date, see who answered, chase, merge, close.

Starting a round writes each lead's signed return and an email draft beside it, and records
the round. Collecting a returned workbook checks it is a return of this round (signature,
lead, round and plan), notes it as received with how many actions it updates, and merging
records its changes through the ordinary merge of returns: a return collected or merged twice
records nothing twice. Closing takes the board's snapshot, named after the round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from actionplan.domain.status import Status
from actionplan.domain.timescale import format_due
from actionplan.services.actions import action_rows
from actionplan.services.errors import ServiceError
from actionplan.services.lead_emails import tidy_email
from actionplan.services.plans import chosen_plan, list_plans
from actionplan.services.returns import ReturnAsk, ReturnReport, export_returns, preview_returns
from actionplan.services.round_emails import ask_draft, write_draft
from actionplan.services.views import PlanInfo
from actionplan.store.database import Database
from actionplan.store.rounds import (
    RoundInfo,
    RoundLeadInfo,
    add_round,
    lead_emails,
    mark_returned,
    round_leads,
    round_of_return,
    rounds_of,
)

__all__ = ["RoundInfo", "RoundLeadInfo", "RoundStart", "collect_returns", "start_round"]


@dataclass(frozen=True)
class RoundStart:
    """What a business manager chooses when starting a round."""

    due: date
    board: str = ""  # e.g. "Board 20 March"; blank: named after the deadline
    message: str = ""  # the covering message in each email
    leads: Sequence[str] | None = None  # None: every lead with an open action
    reply_to: str = ""  # the business manager's email address, for leads to reply to

    @property
    def name(self) -> str:
        """The round's name: the board's, or "Update round due 14 Mar 2025"."""
        return " ".join(self.board.split()) or f"Update round due {format_due(self.due)}"


def start_round(
    db: Database,
    start: RoundStart,
    out_dir: Path,
    plan_name: str | None = None,
    as_of: date | None = None,
) -> RoundInfo:
    """Write each lead's signed return and email draft into ``out_dir`` and record the round."""
    when = as_of or date.today()
    plan = chosen_plan(db, plan_name)
    start = replace(start, reply_to=tidy_email(start.reply_to))
    _refuse_clash(db, plan, start, when)
    leads = _leads_asked(db, plan.id, start.leads, when)
    ask = ReturnAsk(start.due, start.name, start.reply_to)
    written = export_returns(db, Path(out_dir), plan.title, when, leads, ask)
    emails = {name.casefold(): email for name, email in lead_emails(db, plan.id).items()}
    asked = []
    for lead, path, return_id in zip(written.leads, written.files, written.return_ids, strict=True):
        email = emails.get(lead.casefold(), "")
        draft = ask_draft(email, plan.title, lead, start.due, start.message, path, start.reply_to)
        eml = write_draft(draft, path.with_suffix(".eml"))
        asked.append(RoundLeadInfo(0, 0, lead, email, return_id, path.name, eml.name, when))
    info = RoundInfo(
        0, plan.id, start.name, start.due, start.message, when, str(out_dir), None, None,
        start.reply_to,
    )  # fmt: skip
    return replace(info, id=add_round(db, info, asked))


def _refuse_clash(db: Database, plan: PlanInfo, start: RoundStart, when: date) -> None:
    rounds = rounds_of(db, plan.id)
    still_open = [r for r in rounds if r.closed_on is None]
    if still_open:
        raise ServiceError(
            f"The round '{still_open[-1].name}' is still open; close it before starting another."
        )
    if any(r.name.casefold() == start.name.casefold() for r in rounds):
        raise ServiceError(f"The plan already has a round called '{start.name}'.")
    if start.due < when:
        raise ServiceError(
            f"The deadline {format_due(start.due)} has already passed; choose a later date."
        )


def leads_to_ask(db: Database, plan_id: int, as_of: date | None = None) -> list[str]:
    """The plan's leads with an open action: those a round asks unless told otherwise."""
    return _leads_asked(db, plan_id, None, as_of or date.today())


def _leads_asked(db: Database, plan_id: int, chosen: Sequence[str] | None, when: date) -> list[str]:
    rows = action_rows(db, plan_id, when)
    leads: dict[str, str] = {}
    for row in rows:
        for lead in row.leads:
            if chosen is not None or not (row.complete or row.status is Status.CANCELLED):
                leads.setdefault(lead.casefold(), lead)
    if chosen is None:
        if not leads:
            raise ServiceError("No lead has an open action, so there is nobody to ask.")
        return list(leads.values())
    unknown = [name for name in chosen if name.casefold() not in leads]
    if unknown:
        raise ServiceError(f"The plan has no action led by '{unknown[0]}'.")
    return [leads[name.casefold()] for name in chosen]


def find_round(db: Database, plan_name: str | None = None, name: str | None = None) -> RoundInfo:
    """The plan's round of that name, else its newest round; raises when it has none."""
    plan = chosen_plan(db, plan_name)
    rounds = rounds_of(db, plan.id)
    if name:
        found = [r for r in rounds if r.name.casefold() == " ".join(name.split()).casefold()]
        if not found:
            raise ServiceError(f"The plan '{plan.title}' has no update round called '{name}'.")
        return found[0]
    if not rounds:
        raise ServiceError(f"The plan '{plan.title}' has no update round yet; start one first.")
    return rounds[-1]


def plan_rounds(db: Database, plan_id: int) -> list[RoundInfo]:
    """The plan's rounds, oldest first."""
    return rounds_of(db, plan_id)


@dataclass(frozen=True)
class Collected:
    """A returned workbook as received in a round: what it would change, or why it is refused."""

    report: ReturnReport
    lead: RoundLeadInfo | None = None
    first_time: bool = False

    @property
    def error(self) -> str:
        """Why the file was refused; blank when it was received."""
        return self.report.error


def updated_count(report: ReturnReport) -> int:
    """How many of the lead's actions the return updates."""
    return report.count("change", "recorded", "already", "conflict")


def check_in_round(
    db: Database, round_: RoundInfo, files: Sequence[Path], as_of: date | None = None
) -> list[Collected]:
    """Each file checked as a return of this round, with what it would change; records nothing."""
    plan = _plan_of(db, round_)
    reports = preview_returns(db, list(files), plan.title, as_of)
    return [_in_round(db, round_, plan, report) for report in reports]


def collect_returns(
    db: Database, round_: RoundInfo, files: Sequence[Path], as_of: date | None = None
) -> list[Collected]:
    """Receive returned workbooks in the round: each checked, previewed and noted as received
    (the first day it came back stays); the plan itself is not changed until merged."""
    when = as_of or date.today()
    collected = []
    for item in check_in_round(db, round_, files, when):
        if item.lead is not None and not item.error:
            first = mark_returned(db, item.lead.id, when, updated_count(item.report))
            item = replace(item, first_time=first)
        collected.append(item)
    return collected


def _in_round(db: Database, round_: RoundInfo, plan: PlanInfo, report: ReturnReport) -> Collected:
    if report.error:
        return Collected(_refused(report, report.error))
    assert report.return_id is not None
    found = round_of_return(db, report.return_id)
    name = f"'{report.file.name}'"
    if found is None:
        why = f"{name} was not sent in the round '{round_.name}', so it cannot be collected in it."
        return Collected(_refused(report, why))
    sent_in, lead = found
    if sent_in.id != round_.id:
        why = (
            f"{name} was sent in the round '{sent_in.name}', not in '{round_.name}', so it "
            "cannot be collected in it."
        )
        return Collected(_refused(report, why))
    return Collected(report, lead)


def _refused(report: ReturnReport, why: str) -> ReturnReport:
    return replace(report, changes=[], error=why)


def _plan_of(db: Database, round_: RoundInfo) -> PlanInfo:
    plan = next((p for p in list_plans(db) if p.id == round_.plan_id), None)
    if plan is None:
        raise ServiceError(f"The plan of the round '{round_.name}' is no longer in the database.")
    return plan


def leads_of(db: Database, round_: RoundInfo) -> list[RoundLeadInfo]:
    """The leads asked in the round, as they stand."""
    return round_leads(db, round_.id)
