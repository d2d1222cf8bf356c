"""Tables of actions: the exceptions across the plan, each priority's actions, the appendix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from actionplan.domain.movement import Movement
from actionplan.reports.action_words import ActionWords
from actionplan.reports.board_pack_data import ActionLine, BoardPackData
from actionplan.reports.column_sizes import Bounds, column_widths
from actionplan.reports.listing import Column, Listing, Piece, Text
from actionplan.reports.styles import FRAME_WIDTH

# Wide enough for "dates suggest" on one line under the chip.
RAG_WITH_NOTE = 23.5
Cell = Callable[[ActionLine], list[Piece]]
Row = list[list[Piece]]


@dataclass(frozen=True)
class Field:
    """A column of an action table: its title, how one action fills it, and its width: fixed
    (mm), or between ``least`` and ``most`` mm, wide where it saves the most lines."""

    title: str
    cell: Cell
    width: float = 0.0  # mm; 0 for a column sized by its words
    least: float = 20.0
    most: float = 200.0
    kept: bool = False  # printed even when every cell is blank (the action's words)


def _blank(cells: Sequence[Sequence[Piece]]) -> bool:
    return all(not cell or cell == [Text("–")] or cell == [Text("", "bold")] for cell in cells)


def _status_field(
    words: ActionWords, actions: Sequence[ActionLine], notes: bool, width: float
) -> list[Field]:
    """The RAG column (with the status under the chip), "Status" when the plan has no RAG,
    and none at all when there is neither a RAG nor a status to print."""
    if not words.rated and not any(a.status.is_known for a in actions):
        return []
    title = "RAG" if words.rated else "Status"
    return [Field(title, lambda a: words.rag(a, notes=notes), width=width)]


def _table(fields: Sequence[Field], actions: Sequence[ActionLine], caption: str) -> list[Flowable]:
    """The actions as a listing; a column with nothing to say for any of them (no leads, no
    dates) is left out, and the others share its room."""
    if not actions:
        return []
    columns = [[f.cell(a) for a in actions] for f in fields]
    kept = [i for i, cells in enumerate(columns) if fields[i].kept or not _blank(cells)]
    fields, columns = [fields[i] for i in kept], [columns[i] for i in kept]
    rows: list[Row] = [list(row) for row in zip(*columns, strict=True)]
    bounds = [
        Bounds(f.width * mm, f.width * mm) if f.width else Bounds(f.least * mm, f.most * mm)
        for f in fields
    ]
    widths = column_widths(bounds, rows, FRAME_WIDTH)
    heads = [Column(f.title, w) for f, w in zip(fields, widths, strict=True)]
    return [Listing.of(heads, rows, caption)]


def _under_outcomes(actions: Sequence[ActionLine], numbered: Sequence[str] = ()) -> Cell:
    """The Action cell that names an outcome above the first action of each run under it:
    by its number when the priority's facts just listed it (``numbered``), else in full."""
    starts = {
        id(a)
        for i, a in enumerate(actions)
        if a.outcome.strip() and (i == 0 or a.outcome != actions[i - 1].outcome)
    }

    def cell(action: ActionLine) -> list[Piece]:
        named = ActionWords.outcome(action, numbered) if id(action) in starts else []
        return named + ActionWords.words(action)

    return cell


def exception_table(
    pack: BoardPackData, actions: Sequence[ActionLine], caption: str = "Exceptions"
) -> list[Flowable]:
    """The ranked exceptions as one table: the action and its priority, lead, how late, RAG,
    the lead's reason with the latest update, and what changed since the last board."""
    words = ActionWords(pack)
    fields = [
        Field("Ref", ActionWords.ref, width=10),
        Field("Action", words.action_in_priority, least=36, kept=True),
        Field("Lead", ActionWords.lead, least=20, most=32),
        Field("Due", words.due, least=22, most=34),
        *_status_field(words, actions, notes=True, width=RAG_WITH_NOTE),
        Field(_update_title(actions), words.reason_and_update, least=26),
    ]
    if any(_changed(a) for a in actions):
        fields.append(Field("Since the last board", _change, least=20, most=34))
    return _table(fields, actions, caption)


def _update_title(actions: Sequence[ActionLine]) -> str:
    # Named for the reasons only when a lead gave one.
    reasons = any(a.rag_reason.strip() for a in actions)
    return "Reason given and latest update" if reasons else "Latest update"


def _changed(action: ActionLine) -> bool:
    return bool(action.change.strip()) or action.movement in (
        Movement.BETTER,
        Movement.WORSE,
        Movement.NEW,
    )


def _change(action: ActionLine) -> list[Piece]:
    # The named change when known; otherwise the movement of its RAG, if it moved.
    if action.change.strip():
        return [ActionWords.text(action.change)]
    return ActionWords.movement(action)


def priority_table(
    pack: BoardPackData,
    actions: Sequence[ActionLine],
    caption: str = "",
    outcomes: Sequence[str] = (),
) -> list[Flowable]:
    """A priority's actions, compactly: ref, the action, lead, due, RAG and latest update;
    an outcome among ``outcomes`` (listed above the table) is named by its number."""
    return _table(_compact_fields(pack, actions, True, outcomes), actions, caption)


def appendix_table(
    pack: BoardPackData, actions: Sequence[ActionLine], caption: str = ""
) -> list[Flowable]:
    """Every action of a priority for the appendix: the words in full, without the notes the
    main body already gave."""
    return _table(_compact_fields(pack, actions, False), actions, caption)


def _compact_fields(
    pack: BoardPackData, actions: Sequence[ActionLine], notes: bool, outcomes: Sequence[str] = ()
) -> list[Field]:
    words = ActionWords(pack)
    return [
        Field("Ref", ActionWords.ref, width=10),
        Field("Action", _under_outcomes(actions, outcomes), least=36, kept=True),
        Field("Lead", ActionWords.lead, least=20, most=32),
        Field("Due", lambda a: words.due(a, notes=notes), least=22, most=34),
        *_status_field(words, actions, notes, width=RAG_WITH_NOTE if notes else 21),
        Field("Latest update", words.update, least=26),
    ]
