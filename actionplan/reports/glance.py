"""The "At a glance" section: headline figures, RAG by priority as a chart and a table."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.rules import NO_UPDATE
from actionplan.domain.wording import counted
from actionplan.reports.board_pack_data import (
    BoardPackData,
    Comparison,
    PrioritySection,
    RagCounts,
)
from actionplan.reports.charts import bar_width, rag_bar
from actionplan.reports.chips import legend_chips, rag_chip
from actionplan.reports.fonts import markup
from actionplan.reports.styles import FRAME_WIDTH, PALETTE, para, rich, styles
from actionplan.reports.tables import format_date, plain_table

NAME_WIDTH = 52 * mm
TOTAL_WIDTH = 14 * mm
TRACK = FRAME_WIDTH - NAME_WIDTH - TOTAL_WIDTH - 6


def headline(pack: BoardPackData) -> str:
    """One sentence a board member reads first (our markup)."""
    counts = pack.counts
    where = counted(len(pack.priorities), "priority", "priorities")
    text = (
        f"{counted(counts.total, 'action')} across {where}: "
        f"<b>{counts.red:,} red</b>, <b>{counts.amber:,} amber</b>, {counts.green:,} green, "
        f"{counts.blue:,} blue and {counts.unrated:,} not rated; "
        f"{counted(pack.complete, 'action is', 'actions are')} complete (status or Blue). "
        f"<b>{counted(pack.overdue, 'action is', 'actions are')} overdue</b> and "
        f"{counted(pack.stale, 'has', 'have')} had no update for over "
        f"{pack.stale_after_days} days, {pack.no_update:,} of them with {NO_UPDATE}."
    )
    return text


def _tile(number: int, label: str) -> list[Flowable]:
    return [rich(f"{number:,}", "tile_number"), rich(label, "tile_label")]


def kpi_tiles(pack: BoardPackData) -> Table:
    """A row of headline numbers, each with its word and a coloured rule above it."""
    counts = pack.counts
    tiles = [
        (counts.total, "Actions", PALETTE.navy),
        (counts.red, "Red", _colour(Rag.RED)),
        (counts.amber, "Amber", _colour(Rag.AMBER)),
        (pack.overdue, "Overdue", _colour(Rag.RED)),
        (pack.stale, f"No update for {pack.stale_after_days}+ days", _colour(Rag.UNRATED)),
        (pack.complete, "Complete (status or Blue)", _colour(Rag.BLUE)),
    ]
    width = FRAME_WIDTH / len(tiles)
    table = Table([[_tile(n, label) for n, label, _ in tiles]], colWidths=[width] * len(tiles))
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), PALETTE.panel),
        ("LINEAFTER", (0, 0), (-2, -1), 2, PALETTE.white),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
    ]
    for i, (_, _, colour) in enumerate(tiles):
        commands.append(("LINEABOVE", (i, 0), (i, 0), 3, colour))
    table.setStyle(TableStyle(commands))
    return table


def _colour(rag: Rag) -> colors.Color:
    return colors.HexColor(rag.colour)


def rag_chart(pack: BoardPackData) -> Table:
    """Stacked bars: the whole plan, then each priority to a common scale, counts printed on."""
    rows = [[rich("<b>Whole plan</b>", "cell"), rag_bar(pack.counts, TRACK, TRACK), ""]]
    rows[0][2] = rich(f"<b>{pack.counts.total:,}</b>", "cell")
    largest = max((p.counts.total for p in pack.priorities), default=0)
    for section in pack.priorities:
        counts = section.counts
        bar = rag_bar(counts, bar_width(counts, largest, TRACK), TRACK)
        rows.append([para(section.heading, "cell"), bar, rich(f"{counts.total:,}", "cell")])
    table = Table(rows, colWidths=[NAME_WIDTH, TRACK + 6, TOTAL_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, PALETTE.rule),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
                ("TOPPADDING", (0, 1), (-1, 1), 6),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
            ]
        )
    )
    return table


def legend() -> Table:
    """The key to the chips: every colour with its word."""
    chips = legend_chips()
    table = Table([[rich("Key:", "small"), *chips]], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def counts_table(pack: BoardPackData) -> Table:
    """RAG, overdue and stale counts per priority, with the plan's totals."""
    head = [Paragraph("Priority", styles()["head"]), Paragraph("Actions", styles()["head"])]
    head += [rag_chip(rag, 11.5 * mm, 6) for rag in RAG_ORDER]
    head += [
        Paragraph("Overdue", styles()["head"]),
        Paragraph("No recent update", styles()["head"]),
    ]
    rows: list[list[object]] = [head]
    for section in pack.priorities:
        rows.append(_count_row(para(section.heading, "cell"), section.counts, section))
    rows.append(_count_row(rich("<b>All priorities</b>", "cell"), pack.counts, pack))
    widths = [62 * mm] + [13.5 * mm] * 8
    extra = [
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("ALIGN", (2, 0), (-3, 0), "CENTER"),
        ("FONT", (0, -1), (-1, -1), "DejaVuSans-Bold", 8.5, 11),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, PALETTE.navy),
        ("BACKGROUND", (0, -1), (-1, -1), PALETTE.header_fill),
        ("TOPPADDING", (0, 1), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2.5),
    ]
    return plain_table(rows, widths, extra)


def _count_row(
    name: Flowable, counts: RagCounts, owner: PrioritySection | BoardPackData
) -> list[object]:
    cells: list[object] = [name, f"{counts.total:,}"]
    cells += [f"{counts.get(rag):,}" for rag in RAG_ORDER]
    cells += [f"{owner.overdue:,}", f"{owner.stale:,}"]
    return cells


def comparison_block(pack: BoardPackData) -> list[Flowable]:
    """The change since the latest snapshot, or a note saying there is none to compare."""
    change = pack.comparison
    if change is None:
        return [
            para(
                "This is the first pack with no earlier board position to compare, so no "
                "change is shown. Once the position is kept after a board meeting (a snapshot), "
                "the next pack shows what moved.",
                "note",
            )
        ]
    return [
        rich(_change_sentence(change), "body"),
        Spacer(1, 2),
        _change_table(change, pack.counts),
    ]


def _change_sentence(change: Comparison) -> str:
    name = markup(change.name)
    return (
        f"Against the snapshot <b>“{name}”</b> of {format_date(change.taken_on)}: "
        f"<b>{counted(change.better, 'action')} improved</b>, "
        f"<b>{counted(change.worse, 'action')} got worse</b> and "
        f"{counted(change.new, 'action is', 'actions are')} new since then "
        "(↑ and ↓ beside each action's RAG)."
    )


def _signed(diff: int) -> str:
    return f"+{diff:,}" if diff > 0 else ("0" if diff == 0 else f"−{-diff:,}")


def _change_table(change: Comparison, now: RagCounts) -> Table:
    head: list[object] = ["", *(rag_chip(rag, 15 * mm) for rag in RAG_ORDER)]
    head.append(Paragraph("All", styles()["head_centre"]))
    then = [f"{change.before.get(rag):,}" for rag in RAG_ORDER] + [f"{change.before.total:,}"]
    current = [f"{now.get(rag):,}" for rag in RAG_ORDER] + [f"{now.total:,}"]
    diffs = [_signed(now.get(rag) - change.before.get(rag)) for rag in RAG_ORDER]
    rows: list[list[object]] = [
        head,
        [para(f"Then ({format_date(change.taken_on)})", "cell"), *then],
        [rich("Now", "cell"), *current],
        [rich("<b>Change</b>", "cell"), *diffs, _signed(now.total - change.before.total)],
    ]
    extra = [
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("FONT", (1, 3), (-1, 3), "DejaVuSans-Bold", 8.5, 11),
    ]
    widths = [40 * mm] + [18 * mm] * 5 + [14 * mm]
    table = plain_table(rows, widths, extra)
    table.hAlign = "LEFT"
    return table


def glance_section(pack: BoardPackData) -> list[Flowable]:
    """Everything under the "At a glance" heading."""
    return [
        rich(headline(pack), "lead"),
        kpi_tiles(pack),
        rich("RAG by priority", "h2"),
        rag_chart(pack),
        Spacer(1, 4),
        legend(),
        rich("Counts by priority", "h2"),
        counts_table(pack),
        KeepTogether([rich("Change since the last board", "h2"), *comparison_block(pack)]),
    ]
