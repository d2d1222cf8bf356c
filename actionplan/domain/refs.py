"""How a new action is numbered under its priority."""

from __future__ import annotations


def next_ref(number: str, sibling_refs: list[str]) -> str:
    """The ref after the highest "N.k" under a priority numbered N ("2.4" after 2.1-2.3)."""
    prefix = f"{number}."
    taken = [
        int(ref[len(prefix) :])
        for ref in sibling_refs
        if ref.startswith(prefix) and ref[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(taken, default=len(sibling_refs)) + 1}"
