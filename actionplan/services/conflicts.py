"""A save refused because a colleague changed the same row first: what the window is told.

The store raises ``Conflict`` when an edit was made from a version that is no longer the
stored one. Services turn it into ``EditConflict``: one sentence, the colleague's values as
a draft of the same kind as the user's (field by field), who changed it and when, and the
user's own draft exactly as it was typed. Nothing of the draft is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import datetime
from typing import Any

from actionplan.services.errors import ServiceError
from actionplan.store import row_changes
from actionplan.store.database import Database
from actionplan.store.versions import Conflict


class EditConflict(ServiceError):
    """The row was changed by someone else since the user read it; the draft is kept."""

    def __init__(
        self, what: str, yours: Any, theirs: Any, changed_by: str, changed_at: datetime | None
    ) -> None:
        super().__init__(_sentence(what, changed_by, changed_at))
        self.what = what
        self.yours = yours  # the user's draft, untouched
        self.theirs = theirs  # the row as the colleague left it, as the same kind of draft
        self.changed_by = changed_by
        self.changed_at = changed_at

    @property
    def differing(self) -> tuple[str, ...]:
        """The fields where the colleague's values and the user's draft differ."""
        return tuple(
            item.name
            for item in fields(self.yours)
            if item.compare and getattr(self.yours, item.name) != getattr(self.theirs, item.name)
        )


@contextmanager
def keeping_draft(what: Callable[[Any], str], yours: Any, now: Callable[[], Any]) -> Iterator[None]:
    """Turn the store's Conflict into an EditConflict carrying ``yours`` and ``now()`` (the
    row as stored, read as the same kind of draft); ``what`` names the row from it."""
    try:
        yield
    except Conflict as exc:
        theirs = now()
        raise EditConflict(what(theirs), yours, theirs, exc.changed_by, exc.changed_at) from None


def mine_on_top(yours: Any, theirs: Any, started: Any | None) -> Any:
    """The user's draft laid over the colleague's row: each field the user changed from
    ``started`` (what the form was filled with) keeps the user's value, every other field
    keeps theirs, and the version is theirs, so saving it is not refused again. Without
    ``started`` every field is the user's."""
    if started is None:
        return replace(yours, version=theirs.version)
    chosen = {
        item.name: getattr(yours, item.name)
        for item in fields(yours)
        if item.compare and getattr(yours, item.name) != getattr(started, item.name)
    }
    return replace(theirs, **chosen)


def last_change(db: Database, row: str, row_id: int) -> tuple[str, datetime | None]:
    """Who last changed a plan, priority, outcome, action, measure or narrative (``row``
    names which), and when; ("", None) when nobody is recorded or the row has gone."""
    return row_changes.last_change(db, row, row_id)


def _sentence(what: str, who: str, when: datetime | None) -> str:
    by = f" by {who}" if who else " by someone else"
    at = f" at {when:%H:%M on %d %b %Y}" if when is not None else ""
    return (
        f"{what} was changed{by}{at} after you opened it, so your changes were not saved; "
        "they are kept for you to compare and save again."
    )
