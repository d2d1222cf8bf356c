"""The sections after page 1 but the impact: exceptions, the priorities, and the appendix."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from actionplan.domain.plan_data import NarrativeData
from actionplan.domain.rag import RAG_ORDER
from actionplan.domain.rules import NO_UPDATE
from actionplan.domain.wording import counted
from actionplan.reports.action_tables import appendix_table, exception_table, priority_table
from actionplan.reports.action_words import span_words
from actionplan.reports.board_pack_data import (
    ActionLine,
    BoardPackData,
    PrioritySection,
)
from actionplan.reports.fonts import SANS, has_rtl, markup
from actionplan.reports.listing import Headed
from actionplan.reports.page import SectionHeading, section_heading
from actionplan.reports.styles import (
    CELL_LIMIT,
    FRAME_WIDTH,
    HEADING_LIMIT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PALETTE,
    TABLE_SIZE,
    WIDE_CELL_LIMIT,
    para,
    rich,
    shortened,
    styles,
)

MUTED = PALETTE.muted.hexval().replace("0x", "#")

# A priority starts on a new page only when less than about a third of a page (75 mm) is left.
ROOM_FOR_A_PRIORITY = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) * 0.3
# The exceptions table stops here in a very large plan (the appendix lists every action).
EXCEPTIONS_SHOWN = 40


@cache
def _tight(name: str) -> ParagraphStyle:
    """Body type (9.5 pt) set a little closer: a priority's facts ("fact") and its narrative
    ("narrative") read as one block each."""
    after = {"fact": 1.0, "narrative": 3.0}[name]
    return ParagraphStyle(name, parent=styles()["body"], leading=12.5, spaceAfter=after)


def exceptions_shown(pack: BoardPackData) -> list[ActionLine]:
    """The exceptions the exceptions table prints, in rank order."""
    return pack.exceptions[:EXCEPTIONS_SHOWN]


def _more(left: int, what: str, appendix: bool) -> list[Flowable]:
    if left <= 0:
        return []
    where = "the appendix lists" if appendix else "a pack printed with the appendix lists"
    return [rich(f"… and {counted(left, 'more ' + what)}; {where} every action.", "note")]


def exceptions_section(pack: BoardPackData) -> list[Flowable]:
    """Every red, amber or overdue action across the plan in one table, most pressing first."""
    ranked = pack.exceptions
    if not ranked:
        return [rich("No action is red, amber or overdue.", "body")]
    shown = ranked[:EXCEPTIONS_SHOWN]
    if pack.rated:
        intro = (
            "Every red or amber action and every overdue one, across the plan: red first, then "
            "the longest overdue, then the longest without an update. The RAG is as rated by "
            "the lead; “dates suggest” under it names the RAG its dates point to when that "
            "differs."
        )
    else:
        intro = "Every overdue action across the plan, the longest overdue first."
    story: list[Flowable] = [rich(intro, "body"), *exception_table(pack, shown)]
    return story + _more(len(ranked) - len(shown), "red, amber or overdue action", pack.appendix)


def _fact(label: str, value: Flowable | list[Flowable]) -> list[object]:
    return [rich(label, "fact_label"), value]


def _facts(section: PrioritySection, pack: BoardPackData) -> Table:
    rows = []
    if section.aim.strip():
        rows.append(_fact("Aim", para(section.aim, _tight("fact"), WIDE_CELL_LIMIT)))
    if section.champion.strip():
        champion = para(section.champion, _tight("fact"), CELL_LIMIT)
        rows.append(_fact("Executive champion", champion))
    # One row per outcome, so a priority with very many outcomes can run over a page.
    for n, title in enumerate(section.outcomes, 1):
        outcome = para(f"{n}. {title}", _tight("fact"))
        rows.append(_fact("Outcomes" if n == 1 else "", outcome))
    rows.append(_fact("Actions", Paragraph(_counts_words(section, pack), _tight("fact"))))
    table = Table(rows, colWidths=[41 * mm, FRAME_WIDTH - 41 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALETTE.panel),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LINEBEFORE", (0, 0), (0, -1), 3, PALETTE.accent),
            ]
        )
    )
    return table


def _counts_words(section: PrioritySection, pack: BoardPackData) -> str:
    """ "11 actions: 1 red, 3 amber, 5 green, 2 blue; 1 overdue; 2 with no update for
    3 months (1 with no update recorded)", counts of none left out."""
    actions = section.actions
    if not actions:
        return "None yet."
    if pack.rated:
        kinds = [(section.counts.get(rag), rag.word.lower()) for rag in RAG_ORDER]
    else:
        words = [a.status.word for a in actions if a.status.is_known]
        kinds = [(words.count(w), w.lower()) for w in dict.fromkeys(words)]
    named = ", ".join(f"{n:,} {word}" for n, word in kinds if n)
    facts = [f"{counted(len(actions), 'action')}" + (f": {named}" if named else "")]
    if section.tally.overdue:
        facts.append(f"{section.tally.overdue:,} overdue")
    if section.tally.stale:
        facts.append(_quiet_words(section, pack.stale_after_days))
    return markup("; ".join(facts) + ".")


def _quiet_words(section: PrioritySection, after_days: int) -> str:
    """ "2 with no update for 3 months (1 with no update recorded)"; when none of them was
    ever updated, "2 with no update recorded" alone."""
    counts = section.tally
    if counts.no_update == counts.stale:
        return f"{counts.stale:,} with {NO_UPDATE}"
    never = f" ({counts.no_update:,} with {NO_UPDATE})" if counts.no_update else ""
    return f"{counts.stale:,} with no update for {span_words(after_days)}{never}"


def _narrative(section: PrioritySection) -> list[Flowable]:
    # The latest narrative first, then each earlier period's, so no period's words are lost.
    stories = [section.narrative, *section.earlier_narratives]
    told = [story for story in stories if story is not None and story.parts]
    return [flowable for story in told for flowable in _story(story)]


def _story(narrative: NarrativeData) -> list[Flowable]:
    period = f" in {markup(narrative.period_label)}" if narrative.period_label.strip() else ""
    story: list[Flowable] = [rich(f"Progress{period}", "h3")]
    for title, text in narrative.parts:
        paragraphs = [p for p in text.replace("\r", "").split("\n\n") if p.strip()]
        story += _run_in(title, paragraphs[0])
        story += [para(p, _tight("narrative")) for p in paragraphs[1:]]
    # The period's heading never ends a page alone: it goes over with its first words.
    return [KeepTogether(story[:2]), *story[2:]]


def _run_in(title: str, text: str) -> list[Flowable]:
    """ "What has been done: …" with the heading in bold at the start of its paragraph;
    right-to-left words keep a paragraph of their own so they can be shaped."""
    if has_rtl(text):
        return [Paragraph(f"<b>{title}:</b>", _tight("narrative")), para(text, _tight("narrative"))]
    return [Paragraph(f"<b>{title}:</b> {markup(text)}", _tight("narrative"))]


def _listed(section: PrioritySection, shown: Collection[int], limit: int) -> list[ActionLine]:
    """Its actions not in the exceptions table; past ``limit``, the most pressing of them,
    kept in plan order."""
    others = [a for a in section.actions if id(a) not in shown]
    if len(others) <= limit:
        return others
    keep = {id(a) for a in sorted(others, key=lambda a: a.concern)[:limit]}
    return [a for a in others if id(a) in keep]


def _actions(
    section: PrioritySection, pack: BoardPackData, shown: Collection[int]
) -> list[Flowable]:
    total = len(section.actions)
    others = [a for a in section.actions if id(a) not in shown]
    elsewhere = total - len(others)
    if not others:
        if not elsewhere:
            return []
        words = "Its action is" if total == 1 else f"All {total:,} of its actions are"
        return [rich(f"{words} in the exceptions above.", "body")]
    listed = _listed(section, shown, pack.limits.actions_per_priority)
    heading = "Actions"
    if elsewhere:
        verb = "is" if elsewhere == 1 else "are"
        note = f"{elsewhere:,} of its {total:,} actions {verb} in the exceptions above"
        heading += f'<font name="{SANS}" size="{TABLE_SIZE}" color="{MUTED}"> · {note}</font>'
    table = priority_table(pack, listed, f"{section.heading} – actions", section.outcomes)
    story: list[Flowable] = [Headed(rich(heading, "h3"), table[0]), *table[1:]]
    return story + _more(len(others) - len(listed), "action", pack.appendix)


def priority_section(
    section: PrioritySection, pack: BoardPackData, shown: Collection[int] = ()
) -> list[Flowable]:
    """A priority: its facts, its narrative and its actions not in the exceptions table
    (``shown`` holds the ids of those the exceptions table printed)."""
    return [_facts(section, pack), *_narrative(section), *_actions(section, pack, shown)]


def priorities_section(pack: BoardPackData) -> list[Flowable]:
    """Every priority in turn, each on the same page as the one before when there is room."""
    shown = {id(a) for a in exceptions_shown(pack)}
    story: list[Flowable] = [
        CondPageBreak(ROOM_FOR_A_PRIORITY),
        section_heading("Priorities", [("Priorities", "priorities", 0)]),
    ]
    for i, section in enumerate(pack.priorities):
        outline = [(section.heading, f"priority-{i}", 1)]
        heading = SectionHeading(
            markup(shortened(section.heading, HEADING_LIMIT)), styles()["h2"], outline
        )
        if i:
            story.append(CondPageBreak(ROOM_FOR_A_PRIORITY))
        story += [heading, *priority_section(section, pack, shown)]
    return story


def appendix_section(pack: BoardPackData) -> list[Flowable]:
    """Every action of every priority once, compactly, in priority order."""
    story: list[Flowable] = [
        rich("Every action in the plan, in priority order, with its latest update in full.", "body")
    ]
    for section in pack.priorities:
        if section.actions:
            table = appendix_table(pack, section.actions, f"Appendix: {section.heading}")
            story += [Headed(para(section.heading, "h3"), table[0]), *table[1:]]
    return story
