"""The sections after page 1 but the impact: exceptions, the priorities, and the appendix."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from actionplan.domain.rag import RAG_ORDER
from actionplan.domain.rules import NO_UPDATE
from actionplan.domain.wording import counted
from actionplan.reports.action_tables import appendix_table, exception_table, priority_table
from actionplan.reports.board_pack_data import (
    BoardPackData,
    NarrativeText,
    PrioritySection,
    RagCounts,
)
from actionplan.reports.chips import chip_row, count_chip
from actionplan.reports.fonts import markup
from actionplan.reports.page import section_heading
from actionplan.reports.styles import (
    CELL_LIMIT,
    FRAME_WIDTH,
    PALETTE,
    WIDE_CELL_LIMIT,
    para,
    rich,
)

# A heading goes to the next page unless a table's header and first row fit under it.
ROOM_FOR_A_TABLE = 45 * mm


def _more(shown: int, total: int, what: str, appendix: bool) -> list[Flowable]:
    if total <= shown:
        return []
    where = "the appendix lists them all" if appendix else "print with --appendix to list them all"
    return [rich(f"… and {counted(total - shown, 'more ' + what)} ({where}).", "note")]


def exceptions_section(pack: BoardPackData) -> list[Flowable]:
    """Red, amber and overdue actions per priority, most pressing first, capped per priority."""
    story: list[Flowable] = [
        rich(
            "Every red and amber action, and every overdue one, most pressing first. "
            "⚑ marks a RAG that differs from the one its dates suggest, with the reason the "
            "lead gave.",
            "lead",
        )
    ]
    limit = pack.limits.exceptions_per_priority
    found = False
    for section in pack.priorities:
        exceptions = section.exceptions
        if not exceptions:
            continue
        found = True
        story += [CondPageBreak(ROOM_FOR_A_TABLE), para(section.heading, "h3")]
        story += exception_table(exceptions[:limit], pack.limits.update_chars_in_exceptions)
        story += _more(limit, len(exceptions), "red, amber or overdue action", pack.appendix)
    if not found:
        story.append(rich("No action is red, amber or overdue.", "body"))
    return story


def _facts(section: PrioritySection) -> Table:
    rows = []
    if section.aim.strip():
        rows.append([rich("Aim", "fact_label"), para(section.aim, "body", WIDE_CELL_LIMIT)])
    if section.champion.strip():
        champion = para(section.champion, "body", CELL_LIMIT)
        rows.append([rich("Executive champion", "fact_label"), champion])
    if section.outcomes:
        listed = [para(f"{n}. {title}", "body") for n, title in enumerate(section.outcomes, 1)]
        rows.append([rich("Outcomes", "fact_label"), listed])
    rows.append([rich("Actions", "fact_label"), _counts_line(section)])
    table = Table(rows, colWidths=[38 * mm, FRAME_WIDTH - 38 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALETTE.panel),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBEFORE", (0, 0), (0, -1), 3, PALETTE.accent),
            ]
        )
    )
    return table


def _counts_line(section: PrioritySection) -> list[Flowable]:
    counts: RagCounts = section.counts
    chips = chip_row([count_chip(rag, counts.get(rag)) for rag in RAG_ORDER])
    facts = (
        f"{counted(counts.total, 'action')} in all · {section.overdue:,} overdue · "
        f"{section.stale:,} with no recent update ({section.no_update:,} with {NO_UPDATE})"
    )
    return [chips, Spacer(1, 3), rich(facts, "small")]


def _narrative(section: PrioritySection) -> list[Flowable]:
    # The latest narrative first, then each earlier period's, so no period's words are lost.
    stories = [section.narrative, *section.earlier_narratives]
    told = [story for story in stories if story is not None and story.parts]
    if not told:
        return [rich("No narrative has been written for this priority yet.", "note")]
    return [flowable for story in told for flowable in _story(story)]


def _story(narrative: NarrativeText) -> list[Flowable]:
    story: list[Flowable] = []
    period = f" – {markup(narrative.period_label)}" if narrative.period_label.strip() else ""
    story.append(rich(f"Progress narrative{period}", "h2"))
    for title, text in narrative.parts:
        paragraphs = [p for p in text.replace("\r", "").split("\n\n") if p.strip()]
        story.append(KeepTogether([rich(title, "h3"), para(paragraphs[0], "body")]))
        story += [para(p, "body") for p in paragraphs[1:]]
    return story


def priority_section(section: PrioritySection, pack: BoardPackData) -> list[Flowable]:
    """A priority's page(s): aim, champion, narrative and its actions."""
    limit = pack.limits.actions_per_priority
    shown = sorted(section.actions, key=lambda a: a.concern)[:limit]
    if len(section.actions) <= limit:
        shown = list(section.actions)
    story: list[Flowable] = [_facts(section), Spacer(1, 4), *_narrative(section)]
    title = "Actions" if len(shown) == len(section.actions) else "Actions that matter most"
    story += [CondPageBreak(ROOM_FOR_A_TABLE), rich(title, "h2")]
    if not section.actions:
        return [*story, rich("This priority has no actions yet.", "body")]
    story += priority_table(shown)
    return story + _more(len(shown), len(section.actions), "action", pack.appendix)


def priorities_section(pack: BoardPackData) -> list[Flowable]:
    """Every priority in turn: its facts, narrative and actions."""
    story: list[Flowable] = []
    for i, section in enumerate(pack.priorities):
        outline = [("Priorities", "priorities", 0)] if i == 0 else []
        outline.append((section.heading, f"priority-{i}", 1))
        story += [PageBreak(), section_heading(section.heading, outline)]
        story += priority_section(section, pack)
    return story


def appendix_section(priorities: Sequence[PrioritySection]) -> list[Flowable]:
    """Every action of every priority in full."""
    story: list[Flowable] = [
        rich(
            "Every action in the plan, in priority order, with its latest update in full. "
            "Flags and notes on each action are in the priority sections.",
            "lead",
        )
    ]
    for section in priorities:
        story += [CondPageBreak(ROOM_FOR_A_TABLE), para(section.heading, "h3")]
        if section.actions:
            story += appendix_table(section.actions)
        else:
            story.append(rich("No actions.", "note"))
    return story
