"""Page 1's headline figures as tiles: RAG counts for a rated plan, status counts otherwise."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.wording import counted
from actionplan.reports.board_pack_data import BoardPackData
from actionplan.reports.fonts import SANS_BOLD
from actionplan.reports.styles import FRAME_WIDTH, PALETTE, rich, styles
from actionplan.reports.summary_chart import STATUS_BANDS


def no_update_span(days: int) -> str:
    """How long "no recent update" is, in plain words: "3 months" rather than a count of days."""
    months = round(days / 30.44)
    if months >= 1 and abs(days - months * 30.44) <= 3:
        words = counted(months, "month")
    elif days >= 7 and days % 7 == 0:
        words = counted(days // 7, "week")
    else:
        words = counted(days, "day")
    return words.replace(" ", "\u00a0")  # "3 months" is never split across two lines


NOTE_SHARE = 1.5  # how much wider than the others a tile with a note is


@dataclass(frozen=True)
class Tile:
    """One headline figure: the number, its words and the colour of the rule above it."""

    number: int
    label: str
    colour: colors.Color
    note: str = ""


def _hex(rag: Rag) -> colors.Color:
    return colors.HexColor(rag.colour)


def headline_tiles(pack: BoardPackData) -> list[Tile]:
    """The headline figures: RAG counts for a rated plan, status counts for one without."""
    span = no_update_span(pack.stale_after_days)
    never = f"{pack.tally.no_update:,} never updated" if pack.tally.no_update else ""
    quiet = Tile(pack.tally.stale, f"No update for {span}", _hex(Rag.UNRATED), never)
    overdue = Tile(pack.tally.overdue, "Overdue", _hex(Rag.RED))
    total = Tile(pack.counts.total, "Actions", PALETTE.navy)
    if not pack.rated:
        return [total, *_status_tiles(pack), overdue, quiet]
    counts = pack.counts
    red = Tile(counts.red, "Red", _hex(Rag.RED))
    amber = Tile(counts.amber, "Amber", _hex(Rag.AMBER))
    done = Tile(pack.tally.complete, "Complete", _hex(Rag.BLUE))
    return [total, red, amber, overdue, quiet, done]


# The statuses with a tile of their own when a plan has no RAG, in the order work goes;
# Ongoing gives way first when there is no room for all four.
_TILED = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DELAYED, Status.ONGOING)


def _status_tiles(pack: BoardPackData) -> list[Tile]:
    """A tile for each status the plan's actions carry, and how many are complete; none
    for a status nobody recorded, so a plan without statuses shows no "0 Not started"."""
    statuses = Counter(a.status for a in pack.actions)
    present = [s for s in _TILED if statuses[s]]
    if len(present) > 3:
        present.remove(Status.ONGOING)
    tiles = [Tile(statuses[s], s.word, STATUS_BANDS[s].fill) for s in present]
    if any(s.is_known for s in statuses):
        tiles.append(Tile(pack.tally.complete, "Complete", STATUS_BANDS[Status.COMPLETE].fill))
    return tiles


def _number_style(text: str, width: float) -> ParagraphStyle:
    """The tile's number style, smaller when a very large count would not fit the tile."""
    base = styles()["tile_number"]
    size = base.fontSize
    while size > 11 and stringWidth(text, SANS_BOLD, size) > width:
        size -= 1
    return ParagraphStyle(f"tile-{size}", parent=base, fontSize=size, leading=size + 2)


def tiles_table(tiles: Sequence[Tile]) -> Table:
    """The tiles side by side, each with its coloured rule above it; a tile with a note
    is wider, so the note does not make the row taller."""
    shares = [NOTE_SHARE if tile.note else 1.0 for tile in tiles]
    widths = [FRAME_WIDTH * share / sum(shares) for share in shares]
    cells = []
    for tile, width in zip(tiles, widths, strict=True):
        number = f"{tile.number:,}"
        cell: list[Flowable] = [Paragraph(number, _number_style(number, width - 12))]
        cell.append(rich(tile.label, "tile_label"))
        if tile.note:
            cell.append(rich(tile.note, "tile_label"))
        cells.append(cell)
    table = Table([cells], colWidths=widths)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), PALETTE.panel),
        ("LINEAFTER", (0, 0), (-2, -1), 2, PALETTE.white),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("LINEABOVE", (i, 0), (i, 0), 3, t.colour) for i, t in enumerate(tiles)]
    table.setStyle(TableStyle(commands))
    return table
