"""Splitting a lead cell ("Police/ Education Leads", "CSC & Health") into separate leads."""

from __future__ import annotations

import re

# Separators between leads. "&" and "and" only count with spaces around them, so
# "VAG T&WD Front Door" stays one lead; "/" always splits except in "n/a".
_SEPARATORS = re.compile(r"\s*(?:\n|;|,|/|\s&\s|\s\+\s|\band\b)\s*", re.IGNORECASE)
_BULLET = re.compile(r"^[\s•·\-–*]+")


def split_leads(raw: str | None) -> list[str]:
    """The distinct leads named in one cell, in the order written, stripped of bullets."""
    if not raw or str(raw).strip().lower() in ("n/a", "na", "tbc", "-", "–"):
        return []
    seen: dict[str, str] = {}
    for piece in _SEPARATORS.split(str(raw)):
        name = " ".join(_BULLET.sub("", piece).split()).strip(" .")
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())
