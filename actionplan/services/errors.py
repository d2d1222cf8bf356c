"""Errors services raise: each message is one sentence a business manager understands."""

from __future__ import annotations

from actionplan.domain.rag import Rag
from actionplan.store.errors import StoreError


class ServiceError(Exception):
    """The request cannot be carried out; the message says why in one sentence."""


class ReasonNeeded(ServiceError):
    """The RAG chosen differs from the suggested one and no reason was given."""

    def __init__(self, chosen: Rag, suggested: Rag, why: str) -> None:
        super().__init__(
            f"The RAG {chosen.word} differs from the suggested {suggested.word} ({why}); "
            "please give a reason."
        )
        self.chosen = chosen
        self.suggested = suggested
        self.why = why


# Every error whose message is already the one sentence to show a user.
USER_ERRORS: tuple[type[Exception], ...] = (ServiceError, StoreError)
