"""RAG from cell colour: applied to actions whose RAG cell has a fill but no text, and reported."""

from __future__ import annotations

from collections import Counter

from actionplan.domain.plan_data import ActionData
from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.excel.fills import FillsUnreadable, read_fill_rags
from actionplan.excel.opening.safety import SourceBook
from actionplan.excel.read.action_sheet import PendingFill
from actionplan.excel.read.import_report import ImportReport, SheetReport


def apply_fill_rags(
    book: SourceBook, pending: dict[str, list[PendingFill]], report: ImportReport
) -> None:
    """Read the fills of blank RAG cells (one openpyxl pass) and set the RAG they show."""
    pending = {sheet: fills for sheet, fills in pending.items() if fills}
    if not pending or book.kind == "csv":  # a CSV file has no colours to read
        return
    if not book.has_fills:
        report.warnings.append(
            f"Cell colours cannot be read from a .{book.kind} file, so {_total(pending)} "
            "actions with an empty RAG cell are left unrated (save it as .xlsx to keep them)."
        )
        return
    wanted = {
        sheet: {(fill.row, fill.column) for fill in fills} for sheet, fills in pending.items()
    }
    try:
        found = read_fill_rags(book.content, wanted)
    except FillsUnreadable as exc:
        report.warnings.append(
            f"Cell colours could not be read ({exc}), so {_total(pending)} actions with an "
            "empty RAG cell are left unrated."
        )
        return
    sheets = {sheet.name: sheet for sheet in report.sheets}
    for sheet, fills in pending.items():
        _apply(fills, found.get(sheet, {}), sheets[sheet])


def _apply(fills: list[PendingFill], rags: dict[tuple[int, int], Rag], sheet: SheetReport) -> None:
    used: list[tuple[int, Rag]] = []
    for fill in fills:
        rag = rags.get((fill.row, fill.column))
        if rag is not None:
            set_rag(fill.action, rag)
            used.append((fill.row, rag))
    if used:
        counts = Counter(rag for _, rag in used)
        families = ", ".join(f"{counts[r]} {r.word.lower()}" for r in RAG_ORDER if counts[r])
        rows = ", ".join(str(row) for row, _ in used)
        sheet.notes.append(
            f"RAG read from cell colour (the cell has no text) for {len(used)} actions "
            f"({families}): rows {rows}."
        )
        sheet.counts["RAG from colour"] = len(used)


def set_rag(action: ActionData, rag: Rag) -> None:
    """Give an action a RAG, and its latest update too (it set the action's current state)."""
    action.rag = rag
    if action.updates and action.updates[-1].rag is Rag.UNRATED:
        action.updates[-1].rag = rag


def _total(pending: dict[str, list[PendingFill]]) -> int:
    return sum(len(fills) for fills in pending.values())
