"""Small pieces of wording shared by the window and the board pack."""

from __future__ import annotations


def counted(n: int, one: str, many: str | None = None) -> str:
    """ "1 action", "2 actions", "1,200 actions" (``many`` for irregular plurals)."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
