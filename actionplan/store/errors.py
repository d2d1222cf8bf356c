"""The one error the store raises: a sentence a business manager can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be opened, read or written; the message says why in one sentence."""
