"""How the team commands count what they copied, in words."""

from __future__ import annotations

from typing import Any

# The tables a person counts, with their words (one, several); the rest travel along.
COUNTED = (
    ("priority", "priority", "priorities"),
    ("outcome", "outcome", "outcomes"),
    ("lead", "lead", "leads"),
    ("action", "action", "actions"),
    ("progress_update", "progress update", "progress updates"),
    ("measure", "measure", "measures"),
    ("measure_reading", "reading", "readings"),
    ("narrative", "narrative", "narratives"),
    ("snapshot", "snapshot", "snapshots"),
    ("issued_return", "issued return", "issued returns"),
    ("recommendation", "recommendation", "recommendations"),
)


def _listed(counts: dict[str, int]) -> str:
    bits = [
        f"{counts[name]} {one if counts[name] == 1 else several}"
        for name, one, several in COUNTED
        if counts.get(name)
    ]
    return ", ".join(bits)


def counted(result: Any) -> str:
    """What a copy added, changed and removed, e.g. "added 38 actions; changed 2 rows"."""
    parts = []
    if result.added:
        parts.append(f"added {_listed(result.added) or 'the plan'}")
    changed = sum(result.updated.values())
    if changed:
        parts.append(f"changed {changed} {'row' if changed == 1 else 'rows'}")
    gone = sum(result.removed.values())
    if gone:
        parts.append(f"removed {gone} {'row' if gone == 1 else 'rows'}")
    return "; ".join(parts) or "nothing new"
