"""Reading and writing the board pack's settings kept with a plan.

Like every store module, its public functions take the Database and open their own
session: one read, or one write transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from actionplan.store.database import Database
from actionplan.store.tables import Plan, PlanPackSettings


@dataclass(frozen=True)
class PackSettings:
    """A plan's pack settings as stored; no key messages means the drafts are printed."""

    key_messages: tuple[str, ...] = ()
    board_asked: str = ""
    cover: bool = False
    appendix: bool = False


def read_pack_settings(db: Database, plan_id: int) -> PackSettings:
    """The plan's stored pack settings, or the defaults when none were ever saved."""
    with db.reading() as session:
        row = session.get(PlanPackSettings, plan_id)
    if row is None:
        return PackSettings()
    return PackSettings(_messages(row.key_messages), row.board_asked, row.cover, row.appendix)


def write_pack_settings(db: Database, plan_id: int, pack: PackSettings) -> bool:
    """Keep these settings as the plan's, replacing any it had, in one transaction; False
    when there is no such plan (nothing is written)."""
    with db.writing() as session:
        if session.get(Plan, plan_id) is None:
            return False
        row = session.get(PlanPackSettings, plan_id) or PlanPackSettings(plan_id=plan_id)
        row.key_messages = json.dumps(list(pack.key_messages), ensure_ascii=False)
        row.board_asked, row.cover, row.appendix = pack.board_asked, pack.cover, pack.appendix
        session.add(row)
        return True


def _messages(stored: str) -> tuple[str, ...]:
    # Only this module writes the column; anything else in it is read as "no messages kept".
    try:
        found = json.loads(stored or "[]")
    except ValueError:
        return ()
    if not isinstance(found, list):
        return ()
    return tuple(text for text in found if isinstance(text, str))
