"""Signing update returns with the database's own key, so a return cannot be forged.

A return carries an HMAC-SHA256 over what was issued: the return, the plan, the lead, and
each row's action with that action's revision and row version (a return issued before
versions were kept is signed, as it always was, without them). Without the key, which never
leaves the database, nobody can make a signature that matches a changed lead, action,
revision or version. Each locked cell carries a seal of its words as issued, so an edit to
one is found and named.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import date

SEAL_LENGTH = 24  # hex digits of a locked cell's seal: enough that none can be guessed


@dataclass(frozen=True)
class IssuedEntry:
    """One row of an issued return: the sheet row, the action, and its revision and row
    version at issue (version None: issued before versions were kept)."""

    row: int
    action_id: int
    revision: int
    version: int | None = None


@dataclass(frozen=True)
class IssuedRecord:
    """What the database recorded when a return was issued."""

    return_id: int
    plan_id: int
    lead_id: int
    lead_name: str
    issued_on: date
    entries: tuple[IssuedEntry, ...]


def return_signature(key: bytes, record: IssuedRecord) -> str:
    """The signature a genuine return of this record carries."""
    entries = [_signed(entry) for entry in record.entries]
    facts = [record.return_id, record.plan_id, record.lead_id, record.issued_on.isoformat()]
    return _mac(key, json.dumps([*facts, entries]))


def _signed(entry: IssuedEntry) -> list[int]:
    # Without a version, exactly what a return issued before versions were kept was signed over.
    known = [entry.row, entry.action_id, entry.revision]
    return known if entry.version is None else [*known, entry.version]


def cell_seal(key: bytes, return_id: int, row: int, column: int, text: str) -> str:
    """The seal of one locked cell's words as issued."""
    return _mac(key, json.dumps([return_id, row, column, text]))[:SEAL_LENGTH]


def same_signature(expected: str, given: str) -> bool:
    """True when the given signature is the expected one (compared in constant time)."""
    return hmac.compare_digest(expected.encode("ascii"), given.encode("ascii", "replace"))


def _mac(key: bytes, text: str) -> str:
    message = text.encode("utf-8", "surrogatepass")
    return hmac.new(key, message, hashlib.sha256).hexdigest()
