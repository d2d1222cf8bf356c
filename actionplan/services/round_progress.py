"""An update round under way: who has answered, merging what came back, chasing, closing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from actionplan.domain.timescale import format_due
from actionplan.reports.round_annex import RoundAnnex, RoundLeadLine
from actionplan.services.errors import ServiceError
from actionplan.services.plans import list_plans
from actionplan.services.returns import apply_returns
from actionplan.services.round_emails import ask_draft, chase_draft, write_draft
from actionplan.services.rounds import Collected, RoundInfo, check_in_round, updated_count
from actionplan.services.snapshots import take_snapshot
from actionplan.store.database import Database
from actionplan.store.rounds import (
    RoundLeadInfo,
    close_round,
    lead_emails,
    mark_chased,
    mark_merged,
    round_leads,
    rounds_of,
    set_merged_on,
)


@dataclass(frozen=True)
class LeadStanding:
    """One lead's row of the round screen: sent, returned, merged, chased, and how late."""

    lead: RoundLeadInfo
    days_late: int  # 0 when answered, or the deadline has not passed

    @property
    def state(self) -> str:
        """Where the lead's return stands, in a word or two."""
        if self.lead.merged_on:
            return "merged"
        if self.lead.returned_on:
            return "returned"
        if self.days_late:
            return f"{self.days_late} days late" if self.days_late > 1 else "1 day late"
        return "sent"


def standings(db: Database, round_: RoundInfo, as_of: date | None = None) -> list[LeadStanding]:
    """Each lead of the round and how their return stands on the day."""
    when = as_of or date.today()
    late = max((when - round_.due).days, 0)
    return [
        LeadStanding(lead, 0 if lead.returned_on else late) for lead in round_leads(db, round_.id)
    ]


def status_table(db: Database, round_: RoundInfo, as_of: date | None = None) -> list[list[str]]:
    """The round as a table of words, one row per lead under a heading row."""
    rows = [["Lead", "Email", "Sent", "Returned", "Actions updated", "Merged", "Chased", "State"]]
    for standing in standings(db, round_, as_of):
        lead = standing.lead
        rows.append([
            lead.lead_name, lead.email or "-", format_due(lead.sent_on),
            format_due(lead.returned_on) or "-", str(lead.updated) if lead.returned_on else "-",
            format_due(lead.merged_on) or "-", format_due(lead.chased_on) or "-", standing.state,
        ])  # fmt: skip
    return rows


def merge_collected(
    db: Database, round_: RoundInfo, files: Sequence[Path], as_of: date | None = None
) -> list[Collected]:
    """Merge the round's returned workbooks into the plan; each is checked first, and a return
    merged before records nothing twice."""
    _refuse_closed(round_)
    when = as_of or date.today()
    merged = []
    for item in check_in_round(db, round_, files, when):
        if item.lead is None or item.error:
            merged.append(item)
            continue
        [report] = apply_returns(db, [item.report.file], _plan_title(item), when)
        mark_merged(db, item.lead.id, when, updated_count(report))
        merged.append(replace(item, report=report))
    return merged


def put_merged_on(db: Database, round_lead_id: int, merged_on: date | None) -> None:
    """Set the day a lead's return was merged (None: not merged), as Undo and Redo need."""
    set_merged_on(db, round_lead_id, merged_on)


def remake_email(db: Database, round_: RoundInfo, lead: RoundLeadInfo) -> Path:
    """Write the lead's email draft again, with the address the lead has now."""
    emails = {name.casefold(): mail for name, mail in lead_emails(db, round_.plan_id).items()}
    attachment = Path(round_.folder) / lead.return_file
    draft = ask_draft(
        emails.get(lead.lead_name.casefold(), lead.email), _title_of(db, round_),
        lead.lead_name, round_.due, round_.message, attachment, round_.reply_to,
    )  # fmt: skip
    return write_draft(draft, Path(round_.folder) / lead.email_file)


def _plan_title(item: Collected) -> str:
    return item.report.plan_title


def late_leads(db: Database, round_: RoundInfo, as_of: date | None = None) -> list[LeadStanding]:
    """The leads whose return is past its deadline and not yet received."""
    return [standing for standing in standings(db, round_, as_of) if standing.days_late]


def chase(
    db: Database,
    round_: RoundInfo,
    leads: Sequence[str] | None = None,
    as_of: date | None = None,
) -> list[Path]:
    """Write a chase email for each late lead (or those named), return attached; notes them
    as chased today. Returns the drafts written."""
    _refuse_closed(round_)
    when = as_of or date.today()
    late = late_leads(db, round_, when)
    if leads is not None:
        wanted = {name.casefold() for name in leads}
        late = [s for s in late if s.lead.lead_name.casefold() in wanted]
    if not late:
        raise ServiceError(f"No lead is late in the round '{round_.name}', so nobody is chased.")
    folder, plan_title = Path(round_.folder), _title_of(db, round_)
    written = []
    for standing in late:
        lead = standing.lead
        attachment = folder / lead.return_file
        draft = chase_draft(
            lead.email, plan_title, lead.lead_name, round_.name, round_.due, standing.days_late,
            attachment, round_.reply_to,
        )  # fmt: skip
        name = Path(lead.return_file).stem.replace("Return - ", "Chase - ", 1)
        written.append(write_draft(draft, folder / f"{name}.eml"))
    mark_chased(db, [s.lead.id for s in late], when)
    return written


def close(db: Database, round_: RoundInfo, as_of: date | None = None) -> int:
    """Close the round: take the board's snapshot, named after the round; returns its id."""
    _refuse_closed(round_)
    when = as_of or date.today()
    snapshot_id = take_snapshot(db, round_.name, _title_of(db, round_), when)
    close_round(db, round_.id, when, snapshot_id)
    return snapshot_id


def _title_of(db: Database, round_: RoundInfo) -> str:
    return next(p.title for p in list_plans(db) if p.id == round_.plan_id)


def _refuse_closed(round_: RoundInfo) -> None:
    if round_.closed_on is not None:
        raise ServiceError(
            f"The round '{round_.name}' was closed on {format_due(round_.closed_on)}; "
            "start a new round to ask the leads again."
        )


@dataclass(frozen=True)
class RoundRecord:
    """A round's record for the board: who answered, when, who did not, who was chased."""

    name: str
    due: date
    closed_on: date | None
    answered: list[tuple[str, date]]
    not_received: list[str]
    chased: list[tuple[str, date]]

    @property
    def headline(self) -> str:
        """ "Updates received from 11 of 13 leads; not received: …"."""
        asked = len(self.answered) + len(self.not_received)
        line = f"Updates received from {len(self.answered)} of {asked} leads"
        if self.not_received:
            return f"{line}; not received: {', '.join(self.not_received)}."
        return f"{line}."


def round_record(db: Database, round_: RoundInfo) -> RoundRecord:
    """The round's record, for printing as an annex to the board pack."""
    leads = round_leads(db, round_.id)
    return RoundRecord(
        round_.name,
        round_.due,
        round_.closed_on,
        [(lead.lead_name, lead.returned_on) for lead in leads if lead.returned_on],
        [lead.lead_name for lead in leads if lead.returned_on is None],
        [(lead.lead_name, lead.chased_on) for lead in leads if lead.chased_on],
    )


def latest_closed_round(db: Database, plan_id: int, by: date) -> RoundInfo | None:
    """The plan's round closed last on or before the day; None when none was."""
    closed = [r for r in rounds_of(db, plan_id) if r.closed_on is not None and r.closed_on <= by]
    return closed[-1] if closed else None


def round_annex_for(db: Database, plan_id: int, as_of: date) -> RoundAnnex | None:
    """The annex for a pack as at the day: the plan's latest round started by then, when it
    has closed by then; None otherwise."""
    started = [r for r in rounds_of(db, plan_id) if r.started_on <= as_of]
    if not started or started[-1].closed_on is None or started[-1].closed_on > as_of:
        return None
    round_ = started[-1]
    assert round_.closed_on is not None
    lines = tuple(
        RoundLeadLine(lead.lead_name, lead.sent_on, lead.returned_on, lead.updated, lead.chased_on)
        for lead in round_leads(db, round_.id)
    )
    return RoundAnnex(round_.name, round_.due, round_.closed_on, lines)
