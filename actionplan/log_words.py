"""What may go into the log: where an error happened and what kind it was, never its words.

An error's message can quote a plan's text or a person's name (a database error lists the
values it was writing), and the log file outlives the session, so only frames and kinds go in.
"""

from __future__ import annotations

import traceback


def where_it_failed(exc: BaseException) -> str:
    """The error's kind and stack, and those of its causes, without any of their messages."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_tb(current.__traceback__))
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        parts.append(f"Traceback (most recent call last):\n{frames}{kind} (message left out)")
        current = current.__cause__ or current.__context__
    return "\nwhich led to:\n".join(reversed(parts))
