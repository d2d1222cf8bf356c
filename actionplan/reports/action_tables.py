"""Tables of actions: the exceptions list, each priority's actions and the appendix."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from actionplan.reports.board_pack_data import ActionLine
from actionplan.reports.listing import Chip, Column, Listing, Piece, Text
from actionplan.reports.tables import format_date

PRIORITY_COLUMNS = tuple(
    Column(title, width * mm)
    for title, width in (
        ("Ref", 11),
        ("Action", 41),
        ("Lead", 24),
        ("Timescale", 20),
        ("Status", 15),
        ("RAG", 17),
        ("Latest update", 42),
    )
)
EXCEPTION_COLUMNS = tuple(
    Column(title, width * mm)
    for title, width in (
        ("Ref", 11),
        ("Action", 43),
        ("Lead", 24),
        ("Timescale", 21),
        ("RAG", 18),
        ("Latest update", 53),
    )
)
APPENDIX_COLUMNS = tuple(
    Column(title, width * mm)
    for title, width in (
        ("Ref", 12),
        ("Action", 47),
        ("Lead", 24),
        ("Timescale", 19),
        ("Status", 15),
        ("RAG", 15),
        ("Latest update", 38),
    )
)
# Rows per Listing: long enough to keep the flow quick, short enough to split cheaply.
CHUNK_ROWS = 100
_EXACT_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")


def shorten(text: str, limit: int) -> tuple[str, bool]:
    """The text cut at a word near ``limit`` characters, and whether it was cut."""
    text = text.strip()
    if len(text) <= limit:
        return text, False
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:.") + " …", True


def _timescale(action: ActionLine) -> list[Piece]:
    words = action.timescale or format_date(action.due_date)
    cell: list[Piece] = [Text(words)]
    if action.due_date and action.timescale and not _EXACT_DATE.search(words):
        cell.append(Text(f"due {format_date(action.due_date)}", "small"))
    if action.overdue:
        cell.append(Text("Overdue", "strong"))
    if action.stale:
        cell.append(Text("No update recorded" if action.no_update else "No recent update", "small"))
    return cell


def _rag(action: ActionLine, with_status: bool) -> list[Piece]:
    cell: list[Piece] = [Chip(action.rag)]
    if with_status:
        cell.append(Text(action.status.word, "small"))
    if action.movement is not None:
        cell.append(Text(action.movement.word, "small"))
    return cell


def disagreement_note(action: ActionLine) -> str:
    """The flag for a RAG that differs from the suggested RAG, with the lead's reason."""
    why = f" ({action.suggestion_reason})" if action.suggestion_reason else ""
    reason = (
        f"Reason given: “{action.rag_reason.strip()}”"
        if action.rag_reason.strip()
        else "No reason recorded."
    )
    return (
        f"⚑ Rated {action.rag.word}; the dates suggest {action.suggested_rag.word}{why}. {reason}"
    )


def _update(action: ActionLine, limit: int | None, note: str) -> list[Piece]:
    text, cut = shorten(action.latest_update, limit) if limit else (action.latest_update, False)
    when = _when(action)
    if not (when or text):
        cell: list[Piece] = [Text("No update recorded", "small")]
    else:
        cell = [Text(when, "small")]
        cell.append(Text(text or "(no words recorded)"))
    if cut:
        cell.append(Text(f"Shortened here: {note}", "small"))
    if action.disagrees:
        cell.append(Text(disagreement_note(action), "flag"))
    return cell


def _action_words(action: ActionLine, outcome_shown: bool) -> list[Piece]:
    """The action as written, under its outcome (when the row above did not name it) and
    with how the partnership will know it is making a difference."""
    cell: list[Piece] = []
    if action.outcome.strip() and not outcome_shown:
        cell.append(Text(f"Outcome: {action.outcome}", "strong"))
    cell.append(Text(action.text))
    if action.how_we_know.strip():
        cell.append(Text(f"How we will know: {action.how_we_know}", "small"))
    return cell


def _outcome_above(actions: Sequence[ActionLine]) -> list[bool]:
    # A run of actions under one outcome names it once, on the first of them.
    return [i > 0 and a.outcome == actions[i - 1].outcome for i, a in enumerate(actions)]


def priority_rows(actions: Sequence[ActionLine]) -> list[list[list[Piece]]]:
    """One row per action with ref, words, lead, timescale, status, RAG and latest update."""
    return [
        [
            [Text(a.ref, "bold")],
            _action_words(a, above),
            [Text(a.lead or "–")],
            _timescale(a),
            [Text(a.status.word)],
            _rag(a, with_status=False),
            _update(a, None, ""),
        ]
        for a, above in zip(actions, _outcome_above(actions), strict=True)
    ]


def _listings(columns: Sequence[Column], rows: list[list[list[Piece]]]) -> list[Flowable]:
    return [
        Listing.of(columns, rows[start : start + CHUNK_ROWS])
        for start in range(0, len(rows), CHUNK_ROWS)
    ]


def priority_table(actions: Sequence[ActionLine]) -> list[Flowable]:
    """Each priority's (or the appendix's) actions."""
    return _listings(PRIORITY_COLUMNS, priority_rows(actions))


def _brief_update(action: ActionLine) -> list[Piece]:
    when = _when(action)
    if not (when or action.latest_update.strip()):
        return [Text("No update recorded", "small")]
    return [Text(f"{when}: {action.latest_update}")]


def _when(action: ActionLine) -> str:
    """The latest update's date as known; a plain date when only that was given."""
    return action.latest_update_when or format_date(action.latest_update_date)


def _brief_timescale(action: ActionLine) -> list[Piece]:
    cell: list[Piece] = [Text(action.timescale or format_date(action.due_date))]
    return [*cell, Text("Overdue", "strong")] if action.overdue else cell


def _brief_rag(action: ActionLine) -> list[Piece]:
    cell: list[Piece] = [Chip(action.rag)]
    return [*cell, Text(action.movement.word, "small")] if action.movement else cell


def appendix_rows(actions: Sequence[ActionLine]) -> list[list[list[Piece]]]:
    """Compact rows for the full list: the words in full, the notes left to the summary."""
    return [
        [
            [Text(a.ref, "bold")],
            _action_words(a, above),
            [Text(a.lead or "–")],
            _brief_timescale(a),
            [Text(a.status.word)],
            _brief_rag(a),
            _brief_update(a),
        ]
        for a, above in zip(actions, _outcome_above(actions), strict=True)
    ]


def appendix_table(actions: Sequence[ActionLine]) -> list[Flowable]:
    """Every action of a priority, compactly, for the appendix."""
    return _listings(APPENDIX_COLUMNS, appendix_rows(actions))


def exception_rows(actions: Sequence[ActionLine], limit: int) -> list[list[list[Piece]]]:
    """Rows for the exceptions list: long updates shortened, status beside the RAG."""
    note = "the full update is in the priority's section."
    return [
        [
            [Text(a.ref, "bold")],
            [Text(a.text)],
            [Text(a.lead or "–")],
            _timescale(a),
            _rag(a, with_status=True),
            _update(a, limit, note),
        ]
        for a in actions
    ]


def exception_table(actions: Sequence[ActionLine], limit: int) -> list[Flowable]:
    """The exceptions of one priority as a table."""
    return _listings(EXCEPTION_COLUMNS, exception_rows(actions, limit))
