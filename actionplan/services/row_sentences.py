"""The sentences a user reads when the store finds a row gone or in the wrong place."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from actionplan.services.errors import ServiceError
from actionplan.store.missing import Gone, Misplaced


@contextmanager
def in_sentences(
    misplaced: Mapping[str, str] | None = None, gone: Mapping[str, str] | None = None
) -> Iterator[None]:
    """Turn the store's Gone and Misplaced into a ServiceError saying what happened.

    ``gone`` and ``misplaced`` give the sentence per row named; a row gone without one
    gets "The action no longer exists (it may have been deleted)."
    """
    try:
        yield
    except Gone as exc:
        sentence = (gone or {}).get(exc.what)
        raise ServiceError(
            sentence or f"The {exc.what} no longer exists (it may have been deleted)."
        ) from None
    except Misplaced as exc:
        raise ServiceError((misplaced or {})[exc.what]) from None
