"""What changed for each action since the last board, in words a board member reads.

"went from Green to Red on 12 Mar 2025" when the pack has a board to compare with (the
latest snapshot before the as-at date); "Red since 12 Mar 2025 (was Green)" from the
progress updates alone when it has none. Only what was written down with a date is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from actionplan.domain.as_at import written_by
from actionplan.domain.rag import Rag, rag_from_word
from actionplan.domain.update_dates import format_update_date
from actionplan.services.snapshots import SnapshotBaseline
from actionplan.store.queries import DatedRag

NEW_SINCE_BOARD = "new since the last board"


@dataclass(frozen=True)
class RagSet:
    """A RAG an update set, with its date and how exactly that date is known."""

    day: date | None
    rag: Rag
    precision: str = "day"

    @property
    def when(self) -> str:
        """ "on 12 Mar 2025", or "in Mar 2025" when only the month is known."""
        words = format_update_date(self.day, self.precision)
        return f"on {words}" if words[:1].isdigit() else f"in {words}"

    @property
    def since(self) -> str:
        """ "12 Mar 2025" or "Mar 2025"."""
        return format_update_date(self.day, self.precision)


def rags_set(rows: Sequence[DatedRag], as_of: date) -> list[RagSet]:
    """The RAGs an action's updates (oldest first) set by
    the end of ``as_of``; an update that gave no RAG says nothing about the rating."""
    found = []
    for row in rows:
        rag = rag_from_word(row.rag)
        if rag is not Rag.UNRATED and written_by(row.update_date, as_of):
            found.append(RagSet(row.update_date, rag, row.date_precision))
    return found


def change_words(
    action_id: int, now: Rag, updates: list[RagSet], baseline: SnapshotBaseline | None
) -> str:
    """What changed for the action, named; "" when nothing did or nothing dated says so."""
    if baseline is None:
        return _latest_change(now, updates)
    if action_id not in baseline.rags:
        return NEW_SINCE_BOARD
    before = baseline.rags[action_id]
    if before is now:
        return ""
    taken = baseline.info.taken_on
    after = [u for u in updates if u.day is not None and u.day > taken]
    start = _current_run(now, after)
    # Blue is complete: a board reads "completed on 3 Feb", not "went from Green to Blue".
    moved = "completed" if now is Rag.BLUE else f"went from {before.word} to {now.word}"
    return f"{moved} {after[start].when}" if start is not None else moved


def _latest_change(now: Rag, updates: list[RagSet]) -> str:
    """ "Red since 12 Mar 2025 (was Green)": the last time an update changed the RAG to the
    one the action has now; "" when its updates never changed it."""
    start = _current_run(now, updates)
    if not start:  # None: the updates do not give today's RAG; 0: they never changed it
        return ""
    began = updates[start]
    if began.day is None:
        return ""
    return f"{now.word} since {began.since} (was {updates[start - 1].rag.word})"


def _current_run(now: Rag, updates: list[RagSet]) -> int | None:
    """Where the closing run of updates giving the RAG ``now`` begins; None when the newest
    update gives another RAG (or there is none), as a RAG typed on since has no date."""
    if not updates or updates[-1].rag is not now:
        return None
    start = len(updates) - 1
    while start > 0 and updates[start - 1].rag is now:
        start -= 1
    return start
