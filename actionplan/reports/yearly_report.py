"""The yearly report's "Progress against our priorities" chapter, written as an editable,
accessible Word document: real headings, captioned tables with header rows, pictures with
alternative text, RAG always in words, the title and language set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx.document import Document

from actionplan.domain.rag import RAG_ORDER
from actionplan.domain.timescale import format_due
from actionplan.domain.wording import counted
from actionplan.reports.board_pack_data import MeasureLine
from actionplan.reports.word_parts import (
    bullets,
    caption,
    ensure_styles,
    heading,
    lead_in,
    paragraph,
    picture,
    set_language,
    table,
    xml_safe,
)
from actionplan.reports.word_template import open_template
from actionplan.reports.yearly_chart import (
    charted,
    measure_chart,
    measure_chart_words,
    rag_chart,
    rag_chart_words,
)
from actionplan.reports.yearly_data import PriorityYear, YearAction, YearlyReportData
from actionplan.reports.yearly_measures import measure_facts, trend_sentence
from actionplan.reports.yearly_reviews import reviews_part

CHAPTER = "Progress against our priorities"
ACROSS_THE_PLAN = "The difference across the plan"
Progress = Callable[[int, int], None]


class _Numbers:
    """Figure and table numbers, counted through the chapter."""

    def __init__(self) -> None:
        self.figures = 0
        self.tables = 0

    def figure(self) -> str:
        """The next figure's label."""
        self.figures += 1
        return f"Figure {self.figures}"

    def table(self) -> str:
        """The next table's label."""
        self.tables += 1
        return f"Table {self.tables}"


def write_yearly_report(
    data: YearlyReportData,
    out: Path,
    template: bytes | None = None,
    template_name: str = "",
    progress: Progress | None = None,
) -> None:
    """Write the chapter to ``out``, on the template's document when one is given."""
    document = open_template(template, template_name)
    ensure_styles(document)
    set_language(document)
    document.core_properties.title = xml_safe(data.title)
    document.core_properties.subject = xml_safe(f"{data.plan_title}: {CHAPTER.lower()}")
    numbers = _Numbers()
    _opening(document, data, numbers)
    for done, priority in enumerate(data.priorities, start=1):
        _priority(document, priority, data, numbers)
        if progress is not None:
            progress(done, len(data.priorities))
    if data.plan_measures:
        heading(document, ACROSS_THE_PLAN, 2)
        _measures(document, data.plan_measures, "the plan as a whole", numbers)
    reviews_part(document, data.reviews, numbers.table)
    document.save(str(out))


def _opening(document: Document, data: YearlyReportData, numbers: _Numbers) -> None:
    heading(document, CHAPTER, 1)
    paragraph(
        document,
        f"This chapter reports on our plan, {data.plan_title}, from {data.period}: for each "
        "priority, what we said we would do, what we did in the year, the difference it "
        "made, and what is still to do.",
    )
    paragraph(document, _year_in_numbers(data))
    if not data.priorities:
        return
    day = format_due(data.end)
    rows = [(p.heading, p.counts) for p in data.priorities]
    short = [(p.short_name, p.counts) for p in data.priorities]
    label = numbers.figure()
    picture(document, rag_chart(short), 150, rag_chart_words(rows, day), f"{label}: actions by RAG")
    caption(document, f"{label}: each priority's actions by RAG at {day} (figures in the table)")
    head = ["Priority", *(_rag_heading(r.word) for r in RAG_ORDER), "Total"]
    body = [[name, *(str(c.get(r)) for r in RAG_ORDER), str(c.total)] for name, c in rows]
    title = f"{numbers.table()}: actions by RAG at {day}, by priority"
    table(document, title, head, body, (44, 14, 20, 20, 26, 20, 16))


def _rag_heading(word: str) -> str:
    return "Blue – complete" if word == "Blue" else word  # wraps after the dash


def _year_in_numbers(data: YearlyReportData) -> str:
    completed = sum(len(p.completed) for p in data.priorities)
    quotes = sum(len(p.quotes) for p in data.priorities)
    open_now = sum(len(p.still_to_do) for p in data.priorities)
    return (
        f"Across {counted(len(data.priorities), 'priority', 'priorities')}, "
        f"{counted(completed, 'action')} {'was' if completed == 1 else 'were'} completed in "
        f"the period and leads recorded {counted(quotes, 'progress update')}; "
        f"at {format_due(data.end)}, {counted(open_now, 'action')} "
        f"{'was' if open_now == 1 else 'were'} still to do."
    )


def _priority(
    document: Document, priority: PriorityYear, data: YearlyReportData, numbers: _Numbers
) -> None:
    heading(document, priority.heading, 2)
    if priority.aim.strip():
        lead_in(document, "Our aim: ", priority.aim.strip())
    if priority.champion.strip():
        lead_in(document, "Executive champion: ", priority.champion.strip())
    _said(document, priority, data, numbers)
    _did(document, priority, data)
    if priority.recommendations:
        heading(document, "Review recommendations answered", 3)
        bullets(document, priority.recommendations)
    _impact(document, priority, numbers)
    _still_to_do(document, priority, data)


def _said(
    document: Document, priority: PriorityYear, data: YearlyReportData, numbers: _Numbers
) -> None:
    heading(document, "What we said we would do", 3)
    if priority.outcomes:
        paragraph(document, "The outcomes we set out to achieve:")
        bullets(document, priority.outcomes)
    if not priority.planned:
        paragraph(document, "No actions are recorded for this priority.")
        return
    day = format_due(data.end)
    head = ["Ref", "Action", "Lead", "When", f"Position at {day}"]
    rows = [[a.ref, a.text, a.lead, a.due, a.position] for a in priority.planned]
    title = f"{numbers.table()}: the actions of {priority.short_name} and where they stood at {day}"
    table(document, title, head, rows, (12, 68, 38, 26, 26))


def _did(document: Document, priority: PriorityYear, data: YearlyReportData) -> None:
    heading(document, "What we did", 3)
    story = priority.narrative
    _words(document, story.done if story else "")
    _words(document, story.analysis if story else "")
    done = priority.completed
    if done:
        paragraph(
            document,
            f"{counted(len(done), 'action')} {'was' if len(done) == 1 else 'were'} "
            f"completed between {data.period.replace(' to ', ' and ')}:",
        )
        bullets(document, [_named(a) for a in done])
    else:
        paragraph(document, f"No action was recorded as completed from {data.period}.")
    if priority.quotes:
        paragraph(document, "What the leads told us during the year:")
    for quote in priority.quotes:
        who = ", ".join(w for w in (quote.who, quote.when) if w.strip())
        ref = f" (action {quote.ref})" if quote.ref.strip() else ""
        paragraph(document, f"“{quote.text.strip()}”\n— {who}{ref}", "Quote")


def _named(action: YearAction) -> str:
    ref = f"{action.ref} " if action.ref.strip() else ""
    lead = f" (lead: {action.lead})" if action.lead.strip() else ""
    return f"{ref}{action.text.strip()}{lead}"


def _words(document: Document, text: str) -> None:
    """The user's words, a paragraph for each paragraph they wrote."""
    for part in (p.strip() for p in text.split("\n\n")):
        if part:
            paragraph(document, part)


def _impact(document: Document, priority: PriorityYear, numbers: _Numbers) -> None:
    heading(document, "The difference it made", 3)
    _words(document, priority.narrative.impact if priority.narrative else "")
    if not priority.measures:
        paragraph(document, "No measures of impact are recorded for this priority.")
        return
    _measures(document, priority.measures, priority.short_name, numbers)


def _measures(
    document: Document, measures: tuple[MeasureLine, ...], whose: str, numbers: _Numbers
) -> None:
    """A sentence per measure, their table year on year, and a chart of each with a line."""
    for measure in measures:
        lead_in(document, f"{measure.name.strip()}: ", trend_sentence(measure))
    facts = [measure_facts(m) for m in measures]
    head = ["Measure", "Before", "Latest", "Compared with", "Target"]
    rows = [[f.name, f.before, f.latest, f.compared, f.target] for f in facts]
    if not any(f.compared for f in facts):  # no comparator at all: no empty column
        head, rows = head[:3] + head[4:], [r[:3] + r[4:] for r in rows]
    title = f"{numbers.table()}: the measures of {whose}, year on year"
    table(document, title, head, rows)
    for measure in (m for m in measures if charted(m)):
        label = numbers.figure()
        alt = measure_chart_words(measure, trend_sentence(measure))
        picture(document, measure_chart(measure), 90, alt, f"{label}: {measure.name}")
        caption(document, f"{label}: {measure.name}, reading by reading")


def _still_to_do(document: Document, priority: PriorityYear, data: YearlyReportData) -> None:
    heading(document, "Still to do and next steps", 3)
    waiting = priority.still_to_do
    if waiting:
        paragraph(
            document,
            f"At {format_due(data.end)}, {counted(len(waiting), 'action')} "
            f"{'was' if len(waiting) == 1 else 'were'} not yet complete:",
        )
        bullets(document, [_open_line(a) for a in waiting])
    else:
        paragraph(document, f"Every action was complete at {format_due(data.end)}.")
    _words(document, priority.narrative.next_steps if priority.narrative else "")


def _open_line(action: YearAction) -> str:
    due = f" ({action.due.strip()})" if action.due.strip() else ""
    return f"{_named(action)}: {action.position}{due}"
