"""Printing the board pack: gather the plan as plain values, render the PDF, write it safely."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from actionplan.domain.as_at import written_by
from actionplan.domain.measures import Direction
from actionplan.domain.plan_data import MeasureData, NarrativeData
from actionplan.domain.rules import STALE_AFTER_DAYS, days_overdue, days_since
from actionplan.domain.timescale import format_due, parse_timescale
from actionplan.reports.board_pack import cycle_collection_paused, render_board_pack
from actionplan.reports.board_pack_data import (
    ActionLine,
    BoardPackData,
    ComparatorFigure,
    Comparison,
    CoverFacts,
    MeasureLine,
    PrioritySection,
    RagCounts,
    Reading,
)
from actionplan.services.actions import ActionRow, action_rows_as_at
from actionplan.services.board_changes import (
    RagSet,
    change_words,
    rags_set,
)
from actionplan.services.errors import ServiceError
from actionplan.services.key_messages import MOST_MESSAGES, draft_key_messages
from actionplan.services.pack_settings import pack_settings_of
from actionplan.services.plans import chosen_plan
from actionplan.services.recommendations import review_summaries
from actionplan.services.round_progress import round_annex_for
from actionplan.services.snapshots import SnapshotBaseline, baseline_before
from actionplan.services.views import PlanInfo
from actionplan.store.database import Database
from actionplan.store.pack_facts import PackFacts, pack_facts
from actionplan.store.queries import PriorityInfo

Progress = Callable[[int, int], None]


def make_report(
    db: Database,
    out_path: str | os.PathLike[str],
    plan_name: str | None = None,
    as_of: date | None = None,
    priority: str | None = None,
    marking: str | None = None,
    appendix: bool | None = None,
    progress: Progress | None = None,
    *,
    cover: bool | None = None,
    key_messages: Sequence[str] | None = None,
    board_asked: str | None = None,
) -> Path:
    """Write the board pack PDF; a failure leaves no file (and any earlier file untouched).

    Without a ``marking`` the pack carries the plan's own (Plan settings); "" means none.
    What is not given (``key_messages``, ``board_asked``, ``cover``, ``appendix``) is as
    kept with the plan's pack settings; with no key messages kept, page 1 carries the
    messages drafted from the figures.
    """
    out = _checked_target(Path(out_path))
    kept = pack_settings_of(db, plan_name)
    appendix = kept.appendix if appendix is None else appendix
    cover = kept.cover if cover is None else cover
    board_asked = kept.board_asked if board_asked is None else board_asked
    key_messages = (kept.key_messages or None) if key_messages is None else key_messages
    with cycle_collection_paused():
        pack = board_pack_data(db, plan_name, as_of or date.today(), priority, marking, appendix)
        pack = with_page_one(pack, key_messages, board_asked, cover)
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(handle)
    try:
        render_board_pack(pack, Path(temp_name), progress)
        os.replace(temp_name, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
    return out


def with_page_one(
    pack: BoardPackData, key_messages: Sequence[str] | None, board_asked: str, cover: bool
) -> BoardPackData:
    """The pack with page 1's words: the messages given (or drafted when None), what the
    board is asked to do, and whether a full-page cover comes first."""
    messages = draft_key_messages(pack) if key_messages is None else key_messages
    kept = tuple(m.strip() for m in messages if m.strip())[:MOST_MESSAGES]
    return replace(pack, key_messages=kept, board_asked=board_asked.strip(), cover_page=cover)


def _checked_target(out: Path) -> Path:
    if out.is_dir():
        raise ServiceError(f"'{out}' is a folder: give the name of the PDF file to write.")
    if not out.parent.is_dir():
        raise ServiceError(
            f"The folder '{out.parent}' does not exist, so '{out.name}' cannot be written."
        )
    if not os.access(out.parent, os.W_OK):
        raise ServiceError(f"The folder '{out.parent}' cannot be written to.")
    return out


def board_pack_data(
    db: Database,
    plan_name: str | None,
    as_of: date,
    priority: str | None = None,
    marking: str | None = None,
    appendix: bool = False,
) -> BoardPackData:
    """Everything the board pack shows, read from the database as plain values."""
    plan = chosen_plan(db, plan_name)
    stored = pack_facts(db, plan.id)
    priorities = _chosen(stored.priorities, priority)
    baseline = baseline_before(db, plan.id, as_of)
    rows = action_rows_as_at(db, plan.id, as_of)
    rags = {a: rags_set(h, as_of) for a, h in stored.rag_history.items()}
    facts = _Facts(as_of, _latest_reasons(stored, as_of), rags, baseline)
    sections = tuple(
        replace(
            _section(p, stored.narratives.get(p.id, []), rows, facts),
            outcomes=tuple(stored.outcomes.get(p.id, [])),
        )
        for p in priorities
    )
    return BoardPackData(
        cover=_cover(plan, as_of, marking, _heading(priorities[0]) if priority else ""),
        priorities=sections,
        measures=_measures(stored, priorities),
        comparison=_comparison(baseline, rows, {p.id for p in priorities}),
        appendix=appendix,
        stale_after_days=STALE_AFTER_DAYS,
        plan_measures=stored.measures_in_plan,
        round_annex=round_annex_for(db, plan.id, as_of),
        # The register is the partnership's, not one priority's: a whole pack carries it.
        reviews=() if priority else review_summaries(db, plan.id, as_of, rows),
    )


@dataclass(frozen=True)
class _Facts:
    """What each action's line needs beyond its row: the as-at date, the lead's reasons,
    the RAGs its updates set and the last board to compare with."""

    as_of: date
    reasons: dict[int, str]
    rags_set: dict[int, list[RagSet]]
    baseline: SnapshotBaseline | None


def _chosen(priorities: list[PriorityInfo], wanted: str | None) -> list[PriorityInfo]:
    if not wanted:
        return priorities
    key = wanted.strip().casefold()
    exact = [p for p in priorities if key in (p.title.casefold(), p.number.casefold())]
    partial = [p for p in priorities if key in p.title.casefold()]
    if exact or len(partial) == 1:
        return (exact or partial)[:1]
    names = "; ".join(p.title for p in priorities) or "none"
    what = "matches more than one priority" if partial else "matches no priority"
    raise ServiceError(f"'{wanted}' {what}; the priorities are: {names}.")


def _period(plan: PlanInfo) -> str:
    start, end = plan.period_start, plan.period_end
    if plan.period_raw.strip() and start and end:
        # The workbook's words, with the days they name: "2024-25 (1 Apr 2024 – 31 Mar 2025)".
        return f"{plan.period_raw} ({format_due(start)} – {format_due(end)})"
    if plan.period_raw.strip():
        return plan.period_raw
    if start and end:
        return f"{start:%B %Y} – {end:%B %Y}"
    if start or end:
        return f"from {start:%B %Y}" if start else f"until {end:%B %Y}"
    return ""


def _cover(plan: PlanInfo, as_of: date, marking: str | None, scope: str) -> CoverFacts:
    return CoverFacts(
        partnership=plan.partnership,
        plan_title=plan.title,
        period=_period(plan),
        as_of=as_of,
        prepared_by=plan.prepared_by,
        marking=(plan.marking if marking is None else marking).strip(),
        priority_filter=scope,
    )


def _latest_reasons(stored: PackFacts, as_of: date) -> dict[int, str]:
    """For each action, the reason given with its newest update by ``as_of`` (why the RAG is
    what it is); updates dated later are not part of the pack."""
    return {
        action_id: reason for action_id, day, reason in stored.reasons if written_by(day, as_of)
    }


def _written_timescale(row: ActionRow) -> str:
    # A real Excel date is stored as ISO text: print the due date alone rather than "2025-11-30".
    label = parse_timescale(row.timescale_raw).label
    return "" if row.due_date and label == format_due(row.due_date) else row.timescale_raw


def _line(row: ActionRow, facts: _Facts) -> ActionLine:
    baseline = facts.baseline
    return ActionLine(
        ref=row.ref,
        text=row.text,
        priority_title=row.priority_title,
        lead=row.lead_raw.strip() or row.lead_text,  # the words as typed
        timescale=_written_timescale(row),
        due_date=row.due_date,
        status=row.status,
        rag=row.rag,
        suggested_rag=row.suggested_rag,
        suggestion_reason=row.suggestion_reason,
        rag_reason=facts.reasons.get(row.id, ""),
        overdue=row.overdue,
        stale=row.stale,
        latest_update=row.latest_update,
        latest_update_date=row.latest_update_date,
        latest_update_when=row.latest_update_when,
        no_update=row.no_update,
        movement=baseline.movement_of(row.id, row.rag) if baseline else None,
        outcome=row.outcome_title,
        how_we_know=row.how_we_know,
        days_overdue=days_overdue(row.due_date, row.overdue, facts.as_of),
        days_since_update=days_since(row.latest_update_date, facts.as_of),
        change=change_words(row.id, row.rag, facts.rags_set.get(row.id, []), baseline),
        completed_since_board=_completed_since(row, baseline),
    )


def _completed_since(row: ActionRow, baseline: SnapshotBaseline | None) -> bool:
    """Complete now but not at the last board (False when there is no board to compare)."""
    return baseline is not None and row.complete and row.id not in baseline.complete


def _section(
    priority: PriorityInfo,
    narratives: list[NarrativeData],
    rows: Sequence[ActionRow],
    facts: _Facts,
) -> PrioritySection:
    mine = [r for r in rows if r.priority_id == priority.id]
    return PrioritySection(
        number=priority.number,
        title=priority.title,
        aim=priority.aim,
        champion=priority.champion,
        narrative=narratives[-1] if narratives else None,
        earlier_narratives=tuple(reversed(narratives[:-1])),
        actions=tuple(_line(r, facts) for r in mine),
    )


def _comparison(
    baseline: SnapshotBaseline | None, rows: Sequence[ActionRow], scope: set[int | None]
) -> Comparison | None:
    if baseline is None:
        return None
    mine = [r for r in rows if r.priority_id in scope]
    moved = [baseline.movement_of(r.id, r.rag).value for r in mine]
    before = [baseline.rags[r.id] for r in mine if r.id in baseline.rags]
    return Comparison(
        name=baseline.info.name,
        taken_on=baseline.info.taken_on,
        before=RagCounts.of(before),
        better=moved.count("better"),
        worse=moved.count("worse"),
        new=moved.count("new"),
    )


def _measures(stored: PackFacts, priorities: list[PriorityInfo]) -> tuple[MeasureLine, ...]:
    """The plan's measures with their readings; only the chosen priority's when filtered."""
    headings = {p.id: _heading(p) for p in priorities}
    filtered = len(priorities) != len(stored.priorities)
    return tuple(
        measure_line(owned.measure, headings.get(owned.priority_id or -1, ""))
        for owned in stored.measures
        if not filtered or owned.priority_id in headings
    )


def _heading(priority: PriorityInfo) -> str:
    return f"Priority {priority.number}: {priority.title}" if priority.number else priority.title


def measure_line(measure: MeasureData, owner: str) -> MeasureLine:
    """A stored measure as the reports print it, under its priority's heading."""
    try:
        direction = Direction(measure.direction)
    except ValueError:
        direction = Direction.NONE
    return MeasureLine(
        name=measure.name,
        unit=measure.unit,
        direction=direction,
        baseline=measure.baseline,
        target=measure.target,
        readings=tuple(Reading(r.period_label, r.value, r.value_raw) for r in measure.readings),
        priority_title=owner,
        baseline_raw=measure.baseline_raw,
        target_raw=measure.target_raw,
        comparators=tuple(
            ComparatorFigure(c.name, c.period_label, c.value, c.value_raw)
            for c in measure.comparators
        ),
    )
