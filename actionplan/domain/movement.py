"""How an action's RAG moved since a snapshot: better, worse, the same, or new since then."""

from __future__ import annotations

from enum import StrEnum

from actionplan.domain.rag import Rag


class Movement(StrEnum):
    """An action's RAG now against its RAG in an earlier snapshot."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    NEW = "new"

    @property
    def symbol(self) -> str:
        """The mark printed beside the RAG (an arrow, "new", or a dash)."""
        return {"better": "↑", "worse": "↓", "same": "–", "new": "new"}[self.value]

    @property
    def word(self) -> str:
        """The label shown to people ("↑ Better")."""
        return {"better": "↑ Better", "worse": "↓ Worse", "same": "– Same", "new": "New"}[
            self.value
        ]


def movement(before: Rag | None, now: Rag) -> Movement:
    """Better or worse by RAG severity; NEW when the action was not in the snapshot."""
    if before is None:
        return Movement.NEW
    if now.severity < before.severity:
        return Movement.BETTER
    if now.severity > before.severity:
        return Movement.WORSE
    return Movement.SAME
