"""How often an action recurs, from the words of its timescale ("quarterly", "twice a year").

The patterns expect text already in lower case with dashes made plain (as the timescale
reader normalises it).
"""

from __future__ import annotations

import re

_RECURRENCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (word, re.compile(rf"\b(?:{pattern})\b", re.ASCII))
    for word, pattern in (
        ("twice a year", r"twice (?:a |per |each )?year(?:ly)?|bi-?annual(?:ly)?|six[- ]monthly"),
        ("twice a year", r"half[- ]yearly|every (?:six|6) months"),
        ("annually", r"annual(?:ly)?|once (?:a|per|each) year|yearly|(?:every|each) year"),
        ("annually", r"every (?:twelve|12) months|per annum"),
        ("quarterly", r"quarterly|(?:every|each|per) quarter|every (?:three|3) months"),
        ("bi-monthly", r"bi-?monthly|every (?:two|2|other) months|alternate months"),
        ("monthly", r"monthly|(?:every|each|per) month|once a month"),
        ("fortnightly", r"fortnightly|bi-?weekly|every (?:two|2|other) weeks"),
        ("weekly", r"weekly|(?:every|each|per) week|once a week"),
        ("termly", r"termly|(?:every|each|per) term|once a term"),
        ("daily", r"daily|every day"),
    )
)
ANY_RECURRENCE = re.compile("|".join(pattern.pattern for _, pattern in _RECURRENCES), re.ASCII)


def recurrence_in(text: str) -> str | None:
    """How often, from the first "how often" phrase in the text ("quarterly", "twice a year")."""
    hits = [(m.start(), word) for word, pattern in _RECURRENCES if (m := pattern.search(text))]
    return min(hits, key=lambda hit: hit[0])[1] if hits else None
