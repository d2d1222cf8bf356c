"""Gathering the yearly report's chapter: the plan between two dates, as plain values.

The period is a range: an action counts as completed in it when it was complete at the
end of the last day and not at the end of the day before the first; an update counts when
it is dated between the two days (an undated one never does); a reading counts when its
period ended by the last day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from actionplan.domain.as_at import written_by
from actionplan.domain.plan_data import MeasureData, NarrativeData
from actionplan.domain.timescale import format_due, parse_timescale
from actionplan.domain.update_dates import format_update_date
from actionplan.reports.yearly_data import LeadQuote, PriorityYear, YearAction, YearlyReportData
from actionplan.services.as_at import rows_as_at
from actionplan.services.first_look import build_action_rows
from actionplan.services.plans import chosen_plan
from actionplan.services.recommendations import (
    RecommendationLine,
    recommendation_lines,
    review_summaries,
)
from actionplan.services.report import measure_line
from actionplan.services.views import ActionRow
from actionplan.store.action_rows import ActionSources, action_sources_as_at
from actionplan.store.database import Database
from actionplan.store.pack_facts import pack_facts
from actionplan.store.queries import DatedUpdate, PriorityInfo

_SEPARATORS = re.compile(r"\s*[-/–—]\s*|\s+to\s+")


def yearly_report_data(
    db: Database, plan_name: str | None, start: date, end: date
) -> YearlyReportData:
    """What the chapter says about the plan between ``start`` and ``end``, both included."""
    plan = chosen_plan(db, plan_name)
    found = action_sources_as_at(db, plan.id, end)
    at_end = _rows(found, end)
    done_before = {r.id for r in _rows(found, start - timedelta(days=1)) if r.complete}
    stored = pack_facts(db, plan.id)
    positions = {row.id: (row.status, row.rag) for row in at_end}
    answered = recommendation_lines(db, end, positions)
    sections = []
    for p in stored.priorities:
        mine = [r for r in at_end if r.priority_id == p.id]
        measures = [o.measure for o in stored.measures if o.priority_id == p.id]
        section = PriorityYear(
            number=p.number,
            title=p.title,
            aim=p.aim,
            champion=p.champion,
            outcomes=tuple(t for t in stored.outcomes.get(p.id, []) if t.strip()),
            planned=tuple(_year_action(r) for r in mine),
            completed=tuple(
                _year_action(r) for r in mine if r.complete and r.id not in done_before
            ),
            quotes=_quotes(mine, found.history, start, end),
            narrative=_narrative(stored.narratives.get(p.id, []), start, end),
            measures=tuple(measure_line(_by(m, end), _heading(p)) for m in measures),
            recommendations=_answered(answered, {r.id for r in mine}),
        )
        sections.append(section)
    whole_plan = tuple(
        measure_line(_by(o.measure, end), "") for o in stored.measures if o.priority_id is None
    )
    return YearlyReportData(
        plan.partnership,
        plan.title,
        start,
        end,
        tuple(sections),
        plan_measures=whole_plan,
        reviews=review_summaries(db, plan.id, end, at_end),
    )


def _answered(lines: list[RecommendationLine], action_ids: set[int]) -> tuple[str, ...]:
    return tuple(
        f"{line.record.draft.review}: {line.record.draft.text.strip()} ({line.state.words})"
        for line in lines
        if any(a.action_id in action_ids for a in line.record.actions)
    )


def _rows(found: ActionSources, day: date) -> list[ActionRow]:
    actions, latest = rows_as_at(found.actions, found.history, found.snapshots, day)
    titles, outcomes = found.priority_titles, found.outcome_titles
    return build_action_rows(actions, titles, outcomes, found.leads, latest, day)


def _lead(row: ActionRow) -> str:
    return row.lead_raw.strip() or ", ".join(row.leads)


def _due(row: ActionRow) -> str:
    # A real Excel date is kept as ISO text: the due date is printed the UK way instead.
    if row.due_date and parse_timescale(row.timescale_raw).label == format_due(row.due_date):
        return format_due(row.due_date)
    return row.timescale_raw.strip() or format_due(row.due_date)


def _year_action(row: ActionRow) -> YearAction:
    return YearAction(row.ref, row.text, _lead(row), _due(row), row.rag, row.status)


def _quotes(
    rows: list[ActionRow], history: dict[int, list[DatedUpdate]], start: date, end: date
) -> tuple[LeadQuote, ...]:
    """The updates dated in the period, oldest first, each with who wrote it and when."""
    found: list[tuple[date, LeadQuote]] = []
    for row in rows:
        for update in history.get(row.id, []):
            day = update.update_date
            if day is None or day < start or not written_by(day, end) or not update.text.strip():
                continue
            who = _lead(row) or update.author.strip()  # the lead's words, whoever typed them
            when = format_update_date(day, update.date_precision)
            found.append((day, LeadQuote(row.ref, update.text, who, when)))
    return tuple(quote for _, quote in sorted(found, key=lambda pair: pair[0]))


def _by(measure: MeasureData, end: date) -> MeasureData:
    """The measure with only the readings whose period had ended by ``end``."""
    kept = [r for r in measure.readings if r.period_end is None or r.period_end <= end]
    return replace(measure, readings=kept)


def _heading(priority: PriorityInfo) -> str:
    return f"Priority {priority.number}: {priority.title}" if priority.number else priority.title


def _year_labels(start: date, end: date) -> set[str]:
    """The ways a partnership writes the period: "2024-25", "2024/2025", "2024 to 2025"."""
    first, last = str(start.year), str(end.year)
    return {f"{first}-{last}", f"{first}-{last[2:]}", first if first == last else ""} - {""}


def _narrative(written: list[NarrativeData], start: date, end: date) -> NarrativeData | None:
    """The priority's narrative for the period: the one whose label names it; else the one
    written last when its label is blank or names the year the period starts in."""
    labels = _year_labels(start, end)
    for story in reversed(written):
        if _SEPARATORS.sub("-", story.period_label.strip()) in labels:
            return story
    if not written:
        return None
    last = written[-1].period_label.strip()
    return written[-1] if not last or str(start.year) in last else None
