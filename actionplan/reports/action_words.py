"""What an action's cells say in the board pack's tables, in plain words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from actionplan.domain.movement import Movement
from actionplan.domain.rules import NO_UPDATE, days_overdue, days_since
from actionplan.domain.wording import counted
from actionplan.reports.board_pack_data import ActionLine, BoardPackData
from actionplan.reports.listing import Chip, Piece, Text
from actionplan.reports.tables import format_date

_EXACT_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_MOVED = {Movement.BETTER, Movement.WORSE, Movement.NEW}


def span_words(days: int) -> str:
    """A stretch of days as people say it: "3 months", "2 weeks", "10 days"."""
    if days >= 60:
        return counted(days // 30, "month")
    if days >= 30:
        return "1 month"
    if days >= 14:
        return counted(days // 7, "week")
    return counted(days, "day")


class ActionWords:
    """The pieces of each cell of an action's row, worded as at the pack's date."""

    def __init__(self, pack: BoardPackData) -> None:
        self.rated = pack.rated
        self.as_of = pack.cover.as_of
        self.headings = {id(a): p.heading for p in pack.priorities for a in p.actions}

    @staticmethod
    def ref(action: ActionLine) -> list[Piece]:
        """The action's reference, bold."""
        return [Text(action.ref, "bold")]

    @staticmethod
    def lead(action: ActionLine) -> list[Piece]:
        """Who leads it, as typed."""
        return [Text(action.lead or "–")]

    @staticmethod
    def text(words: str) -> Text:
        """Plain words in the table's ink."""
        return Text(words)

    @staticmethod
    def outcome(action: ActionLine, numbered: Sequence[str] = ()) -> list[Piece]:
        """The outcome an action works towards, as a line above the first of its run: "Outcome
        2" when it is the second of the ``numbered`` ones listed above the table."""
        if action.outcome in numbered:
            return [Text(f"Outcome {list(numbered).index(action.outcome) + 1}", "strong")]
        return [Text(f"Outcome: {action.outcome}", "strong")]

    @staticmethod
    def words(action: ActionLine) -> list[Piece]:
        """The action as written, with how the partnership will know it made a difference."""
        cell: list[Piece] = [Text(action.text)]
        if action.how_we_know.strip():
            cell.append(Text(f"How we will know: {action.how_we_know}", "small"))
        return cell

    def action_in_priority(self, action: ActionLine) -> list[Piece]:
        """The action's words with its priority named small under them."""
        heading = self.headings.get(id(action), action.priority_title)
        return [*self.words(action), Text(heading, "small")]

    def due(self, action: ActionLine, notes: bool = True) -> list[Piece]:
        """When it is due as written, the date that means, how late it is and, with
        ``notes``, how long since its last update when that is too long."""
        words = action.timescale or format_date(action.due_date)
        cell: list[Piece] = [Text(words)]
        if action.due_date and action.timescale and not _EXACT_DATE.search(words):
            cell.append(Text(f"due {format_date(action.due_date)}", "small"))
        late = self.days_overdue(action)
        if action.overdue:
            cell.append(Text(f"overdue {counted(late, 'day')}" if late else "overdue", "strong"))
        quiet = self.days_quiet(action)
        if notes and action.stale and quiet is not None:
            cell.append(Text(f"no update for {span_words(quiet)}", "small"))
        return cell

    def days_overdue(self, action: ActionLine) -> int:
        """Days past its due date at the pack's date (0 when not overdue)."""
        if action.days_overdue:
            return action.days_overdue
        return days_overdue(action.due_date, action.overdue, self.as_of)

    def days_quiet(self, action: ActionLine) -> int | None:
        """Days since its latest dated update; None when no update carries a date."""
        if action.days_since_update is not None:
            return action.days_since_update
        return days_since(action.latest_update_date, self.as_of)

    def rag(self, action: ActionLine, notes: bool = True) -> list[Piece]:
        """The RAG chip (when the plan rates its actions) with the status under it and, with
        ``notes``, a movement since the last board and a RAG the dates would not give."""
        cell: list[Piece] = [Chip(action.rag)] if self.rated else []
        if action.status.is_known:
            cell.append(Text(action.status.word, "small" if self.rated else "cell"))
        if not notes:
            return cell
        cell += self.movement(action)
        if action.disagrees:
            cell.append(Text(f"dates suggest {action.suggested_rag.word}", "small"))
        return cell

    @staticmethod
    def movement(action: ActionLine) -> list[Piece]:
        """ "↑ Better", "↓ Worse" or "New" since the last board; nothing when it did not move."""
        moved = action.movement
        return [Text(moved.word, "small")] if moved in _MOVED and moved is not None else []

    def update(self, action: ActionLine) -> list[Piece]:
        """The latest update in full, after its date; "No update recorded" for an open action
        that never had one."""
        when = action.latest_update_when or (
            format_date(action.latest_update_date) if action.latest_update_date else ""
        )
        text = action.latest_update.strip()
        if text:
            return [Text(f"{when}: {text}" if when else text)]
        if when:
            return [Text(when, "small")]
        return [Text(NO_UPDATE.capitalize(), "small")] if action.no_update else []

    def reason_and_update(self, action: ActionLine) -> list[Piece]:
        """The reason the lead gave for the RAG, when written, then the latest update."""
        reason = action.rag_reason.strip()
        given: list[Piece] = [Text(f"Reason given: “{reason}”")] if reason else []
        return given + self.update(action)
