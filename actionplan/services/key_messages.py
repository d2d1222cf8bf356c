"""The key messages on page 1 of the board pack, drafted from the plan's own figures.

The window shows the drafts for the user to rewrite before printing; what they keep is
stored with the pack's settings and printed instead.
"""

from __future__ import annotations

from actionplan.domain.wording import counted
from actionplan.reports.board_pack_data import BoardPackData

MOST_MESSAGES = 5


def draft_key_messages(pack: BoardPackData) -> list[str]:
    """Up to five plain sentences a chair would want first, each from the pack's figures."""
    drafts = [_position(pack)]
    return [d for d in drafts if d][:MOST_MESSAGES]


def _position(pack: BoardPackData) -> str:
    counts = pack.counts
    if not counts.total:
        return ""
    return (
        f"{counted(counts.total, 'action')}: {counts.red:,} red, {counts.amber:,} amber, "
        f"{counted(pack.overdue, 'overdue')}, {pack.complete:,} complete."
    )
