"""An action as it stood at the end of a day: the rule of every "as at" pack, summary and tracker.

What the app knows of an action's past is what was written down with a date: its progress
updates (each sets a RAG and a status) and the snapshots taken at board meetings. A change
typed straight onto an action carries no date, so it is taken as it stands unless an update
dated later than the day has replaced it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status


@dataclass(frozen=True)
class ActionState:
    """An action's RAG and status; a status of None means none was recorded.
    Separate from ActionRow because it is the state at one moment of an action's history,
    compared with the state at another.
    """

    rag: Rag
    status: Status | None


@dataclass(frozen=True)
class DatedState:
    """A RAG and status written down on a day: by an update or in a snapshot.

    An update with no date came from the workbook the plan was imported from, so it is
    taken as older than anything dated.
    """

    day: date | None
    state: ActionState

    def on_or_before(self, day: date) -> bool:
        """True when this was written down by the end of ``day`` (undated: always)."""
        return written_by(self.day, day)


NOT_RECORDED = ActionState(Rag.UNRATED, None)


def state_as_at(
    current: ActionState,
    updates: Sequence[DatedState],
    snapshots: Iterable[DatedState],
    day: date,
) -> ActionState:
    """The action's RAG and status at the end of ``day``.

    ``updates`` are oldest first (by date, then by when they were recorded). With no update
    dated after the day, nothing dated has changed the action since: its state is the
    current one. Otherwise the newest update or snapshot on or before the day gives it (on
    the same day the update wins, as the snapshot may have been taken before it); with
    neither, nothing was written down by then and the state is not recorded.
    """
    if all(update.on_or_before(day) for update in updates):
        return current
    known = [s for s in snapshots if s.on_or_before(day)]
    known += [u for u in updates if u.on_or_before(day)]
    if not known:
        return NOT_RECORDED
    # A stable sort keeps the order given among records of one day: snapshots, then updates.
    return sorted(known, key=lambda record: record.day or date.min)[-1].state


def written_by(when: date | None, day: date) -> bool:
    """True when something dated ``when`` was written by the end of ``day`` (undated: always)."""
    return when is None or when <= day
