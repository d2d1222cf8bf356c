"""The tracker's smaller sheets: Summary, Measures (one column per period) and Priorities."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from actionplan.domain.measures import (
    Direction,
    MeasureStatus,
    Trend,
    last_two,
    measure_status,
    parse_direction,
    trend,
)
from actionplan.domain.plan_data import ComparatorData, MeasureData, PlanData, PriorityData
from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.rules import NO_UPDATE, STALE_AFTER_DAYS, stale_heading, tally
from actionplan.excel.read.cell_values import number_text
from actionplan.excel.tracker.book import TrackerBook
from actionplan.excel.tracker.facts import ActionFacts
from actionplan.excel.tracker.schema import (
    MEASURE_HEAD,
    MEASURE_TAIL,
    MEASURES,
    NUMBER,
    PERIOD_WIDTH,
    PRIORITIES,
    PRIORITY_COLUMNS,
    SUMMARY,
    SUMMARY_LABELS,
    Column,
    direction_text,
    json_text,
    number_shown,
    outcomes_text,
    period_labels,
)
from actionplan.excel.tracker.style import body, colour_words

_SUMMARY_COLUMNS = (
    Column("priority", "Priority", 46),
    Column("champion", "Executive champion", 30),
    Column("actions", "Actions", 9),
    *(Column(rag.value, rag.word, 9) for rag in RAG_ORDER),
    Column("overdue", "Overdue", 10),
    Column("stale", stale_heading(), 12),
    Column("complete", "Complete", 10),
)
_NOTES = (
    "RAG: Red – off track; Amber – at risk; Green – on track; Blue – complete.",
    "Suggested RAG comes from the dates and status: overdue → Red; delayed or no update "
    f"for {STALE_AFTER_DAYS} days → Amber; complete → Blue. It sits beside the lead's own RAG, "
    "never replacing it.",
    "Overdue: the due date has passed and the action is not complete (status or Blue) "
    "or cancelled.",
    f"{stale_heading()}: includes every open action with {NO_UPDATE}, or whose latest "
    "update has no date.",
    "Complete: status Complete or RAG Blue.",
)
_JUDGEMENT_COLOURS = {
    MeasureStatus.MET.word: Rag.GREEN,
    MeasureStatus.NOT_MET.word: Rag.RED,
    Trend.IMPROVING.word: Rag.GREEN,
    Trend.WORSENING.word: Rag.RED,
}


def write_summary(book: TrackerBook, facts: list[ActionFacts]) -> None:
    """The plan's facts, then RAG, overdue and stale counts per priority and in total."""
    plan, sheet = book.plan, book.sheet(SUMMARY, _SUMMARY_COLUMNS, 0, title_rows=False)
    cell = book.looks.cell
    book.add(sheet, [cell(sheet, plan.title, "title")], False)
    values: dict[str, object] = {"as_of": book.as_of, **vars(plan)}
    for key, label in SUMMARY_LABELS.items():
        look = "date" if key in ("as_of", "period_start", "period_end") else "text"
        book.add(sheet, [cell(sheet, label, "label"), cell(sheet, values[key], look)])
    book.add(sheet, [])
    heads = [
        (c.header, f"rag_{c.key}" if c.key in _RAG_KEYS else "header") for c in _SUMMARY_COLUMNS
    ]
    book.add(sheet, book.looks.row(sheet, heads))
    for index, priority in enumerate(plan.priorities):
        mine = [fact for fact in facts if fact.priority == index]
        book.add(sheet, _count_row(book, sheet, _priority_name(priority), priority.champion, mine))
    book.add(sheet, _count_row(book, sheet, "All priorities", "", facts, total=True))
    book.add(sheet, [])
    for note in _NOTES:
        book.add(sheet, [cell(sheet, note, "note")], False)


_RAG_KEYS = {rag.value for rag in RAG_ORDER}


def _priority_name(priority: PriorityData) -> str:
    return f"{priority.number}. {priority.title}" if priority.number else priority.title


def _count_row(
    book: TrackerBook,
    sheet: Any,
    name: str,
    champion: str,
    facts: list[ActionFacts],
    total: bool = False,
) -> list[Any]:
    counts = tally(facts)
    numbers = [
        counts.actions,
        *counts.rag.values(),
        counts.overdue,
        counts.stale,
        counts.complete,
    ]
    text, number = ("total", "total_count") if total else ("text", "count")
    cell = book.looks.cell
    return [
        cell(sheet, name, text),
        cell(sheet, champion, text) or book.looks.blank(sheet, text),
        *(cell(sheet, value, number) for value in numbers),
    ]


def measure_columns(plan: PlanData) -> tuple[list[Column], list[str]]:
    """The Measures sheet's columns (one per period any measure names) and the period labels."""
    labels = period_labels([measure for _owner, measure, _text in _all_measures(plan)])
    periods = [Column("period", label, PERIOD_WIDTH, NUMBER) for label in labels]
    return [*MEASURE_HEAD, *periods, *MEASURE_TAIL], labels


def _all_measures(plan: PlanData) -> list[tuple[list[Any], MeasureData, str]]:
    """Every measure with its owner (for re-import) and the words saying whose it is."""
    found: list[tuple[list[Any], MeasureData, str]] = [
        (["plan"], m, "Whole plan") for m in plan.measures
    ]
    key = 0
    for index, priority in enumerate(plan.priorities):
        name = (
            f"Priority {priority.number}: {priority.title}" if priority.number else priority.title
        )
        found += [(["priority", index], m, name) for m in priority.measures]
        for action in priority.actions:
            words = f"Action {action.ref}" if action.ref else f"Action: {action.text[:60]}"
            found += [(["action", key], m, words) for m in action.measures]
            key += 1
    return found


def write_measures(book: TrackerBook) -> None:
    """One row per measure: baseline, target, a column per period, status and trend."""
    columns, labels = measure_columns(book.plan)
    measures = _all_measures(book.plan)
    sheet = book.sheet(MEASURES, columns, len(measures))
    tail = len(MEASURE_HEAD) + len(labels) + 1
    _colour_measure_words(sheet, tail, len(measures))
    for owner, measure, words in measures:
        book.add(sheet, _measure_row(book, sheet, owner, measure, words, labels))


def _colour_measure_words(sheet: Any, first: int, rows: int) -> None:
    status, trend_column = get_column_letter(first), get_column_letter(first + 1)
    colour_words(sheet, body(status, trend_column, rows), _JUDGEMENT_COLOURS)


def _measure_row(
    book: TrackerBook,
    sheet: Any,
    owner: list[Any],
    measure: MeasureData,
    words: str,
    labels: list[str],
) -> list[Any]:
    cell = book.looks.cell
    shown: dict[str, float | str | None] = {}
    for reading in measure.readings:
        shown.setdefault(reading.period_label, number_shown(reading.value, reading.value_raw))
    status_word, trend_word = _judgement(measure)
    return [
        cell(sheet, words),
        cell(sheet, measure.name),
        cell(sheet, measure.unit),
        cell(sheet, direction_text(measure)),
        cell(sheet, number_shown(measure.baseline, measure.baseline_raw), "number"),
        cell(sheet, number_shown(measure.target, measure.target_raw), "number"),
        *(cell(sheet, shown.get(label), "number") for label in labels),
        cell(sheet, status_word, "centre"),
        cell(sheet, trend_word, "centre"),
        cell(sheet, comparators_text(measure)),
        cell(sheet, json_text(_measure_extra(owner, measure))),
    ]


def _judgement(measure: MeasureData) -> tuple[str, str]:
    try:
        direction = Direction(measure.direction)
    except ValueError:
        direction = parse_direction(measure.direction_raw)
    previous, latest = last_two([reading.value for reading in measure.readings])
    return measure_status(direction, latest, measure.target).word, trend(
        direction, previous, latest
    ).word


def _measure_extra(owner: list[Any], measure: MeasureData) -> dict[str, Any]:
    return {
        "o": owner,
        "dir": measure.direction,
        "dr": measure.direction_raw,
        "b": measure.baseline,
        "br": measure.baseline_raw,
        "t": measure.target,
        "tr": measure.target_raw,
        "n": [
            [
                r.period_label,
                r.value,
                r.value_raw,
                r.period_end.isoformat() if r.period_end else None,
                r.note,
            ]
            for r in measure.readings
        ],
        "c": [[c.name, c.period_label, c.value, c.value_raw] for c in measure.comparators],
    }


def comparators_text(measure: MeasureData) -> str:
    """The Compared with cell: each benchmark with its period and figure as written."""
    return " · ".join(
        " ".join(part for part in (c.name, c.period_label, _figure(c)) if part)
        for c in measure.comparators
    )


def _figure(comparator: ComparatorData) -> str:
    if comparator.value_raw or comparator.value is None:
        return comparator.value_raw
    return number_text(comparator.value)


def write_priorities(book: TrackerBook) -> None:
    """One row per priority and narrative period: aim, champion, outcomes and the narrative."""
    rows = [(index, n) for index, p in enumerate(book.plan.priorities) for n in _narrative_slots(p)]
    sheet = book.sheet(PRIORITIES, PRIORITY_COLUMNS, len(rows))
    cell = book.looks.cell
    for index, slot in rows:
        priority = book.plan.priorities[index]
        narrative = priority.narratives[slot] if slot is not None else None
        story = [narrative.period_label, narrative.done, narrative.analysis, narrative.impact,
                 narrative.next_steps] if narrative else []  # fmt: skip
        extra: dict[str, Any] = {"p": index, "n": slot}
        if slot in (None, 0):
            extra["o"] = priority.outcomes
        book.add(
            sheet,
            [
                cell(sheet, priority.number, "centre"),
                cell(sheet, priority.title),
                cell(sheet, priority.aim),
                cell(sheet, priority.champion),
                cell(sheet, outcomes_text(priority.outcomes)),
                *(cell(sheet, text) for text in story),
                *([None] * (5 - len(story))),
                cell(sheet, json_text(extra)),
            ],
        )


def _narrative_slots(priority: PriorityData) -> list[int | None]:
    return list(range(len(priority.narratives))) or [None]
