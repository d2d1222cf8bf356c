"""What the store says when a row a read or write needs is not where it should be.

The store names the row ("action", "priority"); services turn that into the sentence a
user reads. Raised inside a write, either one rolls the whole write back.
"""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session

from actionplan.store.refusals import refused_row

Row = TypeVar("Row")


class Gone(LookupError):
    """The row is not there: deleted meanwhile, or never written."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class Misplaced(ValueError):
    """The row is there but belongs elsewhere: a priority of another plan, say."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def fetch(
    session: Session, table: type[Row], row_id: int, what: str, *, locked: bool = False
) -> Row:
    """The row of ``table`` with that id; raises Gone naming it ``what`` when there is none.

    ``locked``: held for the rest of the write (SELECT … FOR UPDATE where the server has
    it), so a colleague's write to the same row waits for this one instead of failing; a
    row there that this login may not change raises refusals.NotPermitted.
    """
    row = session.get(table, row_id, with_for_update=locked or None)
    if row is None:
        if locked:
            # On a team's server a row this login may not update cannot be locked either.
            refusal = refused_row(session.connection(), table.__table__, row_id)  # type: ignore[attr-defined]
            if refusal is not None:
                raise refusal
        raise Gone(what)
    return row
