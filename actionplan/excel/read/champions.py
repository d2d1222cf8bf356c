"""The executive champions sheet, and matching its priority names to the plan's own.

Names differ a little between sheets ("Anti-racist / Anti discriminatory practice" and
"Anti-Racist /Discriminatory Practice"; "&" and "and"; "SEND" and the sheet named SEND):
names are normalised, then compared word by word, and each match is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from actionplan.domain.plan_data import PriorityData
from actionplan.excel.errors import quoted
from actionplan.excel.read.cell_values import cell_text, one_line
from actionplan.excel.read.column_mapping import SheetMapping
from actionplan.excel.read.grid import Grid
from actionplan.excel.read.headers import RowMatch, find_header
from actionplan.excel.read.import_report import SheetReport
from actionplan.excel.read.synonyms import action_field, normalise_header

_CHAMPION_WORDS = frozenset(
    {
        "executive champion", "executive champions", "champion", "champions",
        "exec champion", "executive lead", "executive leads", "executive sponsor", "sponsor",
        "senior responsible officer", "sro", "strategic lead", "board champion",
    }
)  # fmt: skip
_MATCH_THRESHOLD = 0.5
_STOP_WORDS = frozenset({"and", "of", "the", "to", "in", "for", "a", "on"})
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class ChampionRow:
    """One row of the champions sheet."""

    row: int
    priority: str
    champion: str


def champion_field(header: str) -> tuple[str | None, bool]:
    """The field a champions-sheet heading names: "priority" or "champion"."""
    if normalise_header(header) in _CHAMPION_WORDS:
        return "champion", True
    name, listed = action_field(header)
    return (name, listed) if name == "priority" else (None, False)


def _is_champions_header(match: RowMatch) -> bool:
    return {"priority", "champion"} <= set(match.columns)


def champions_mapping(grid: Grid) -> SheetMapping | None:
    """The mapping of a sheet listing each priority's executive champion, or None."""
    match = find_header(grid, champion_field, _is_champions_header)
    if match is None:
        return None
    return SheetMapping(grid.name, "champions", match.row + 1, match.columns, match.headers)


def champion_rows(grid: Grid, mapping: SheetMapping) -> list[ChampionRow]:
    """Every row under the header naming both a priority and a champion."""
    priority_col, champion_col = mapping.columns["priority"] - 1, mapping.columns["champion"] - 1
    found = []
    for index in range(mapping.header_row, len(grid.rows)):
        priority = one_line(cell_text(grid.value(index, priority_col)))
        champion = one_line(cell_text(grid.value(index, champion_col)))
        if priority and champion:
            found.append(ChampionRow(index + 1, priority, champion))
    return found


def assign_champions(
    rows: list[ChampionRow],
    priorities: list[PriorityData],
    aliases: dict[str, str],
    report: SheetReport,
) -> None:
    """Give each priority its champion, best matches first; report every match and miss."""
    matched = _best_pairs(rows, priorities, aliases)
    for n, (m, score) in matched.items():
        _assign(rows[n], priorities[m], score, aliases, report)
    for n, row in enumerate(rows):
        if n not in matched:
            report.warn(
                row.row,
                f"no priority matches {quoted(row.priority)}, so champion "
                f"{quoted(row.champion)} was not set.",
            )
    report.counts["champions"] = len(matched)


def _best_pairs(
    rows: list[ChampionRow], priorities: list[PriorityData], aliases: dict[str, str]
) -> dict[int, tuple[int, float]]:
    """Row index -> (priority index, score): the closest pairs first, each used once."""
    scored = sorted(
        (
            (_score(row.priority, priority, aliases), n, m)
            for n, row in enumerate(rows)
            for m, priority in enumerate(priorities)
        ),
        key=lambda item: -item[0],
    )
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for score, n, m in scored:
        if score >= _MATCH_THRESHOLD and n not in pairs and m not in taken:
            pairs[n] = (m, score)
            taken.add(m)
    return dict(sorted(pairs.items()))


def _assign(
    row: ChampionRow,
    priority: PriorityData,
    score: float,
    aliases: dict[str, str],
    report: SheetReport,
) -> None:
    priority.champion = row.champion
    if row.priority == priority.title:
        how = "exactly"
    elif set(_words(row.priority)) == set(_words(priority.title)):
        how = "by the same words (case, punctuation, '&' and repeats aside)"
    elif priority.title in aliases and similarity(row.priority, aliases[priority.title]) >= 1:
        how = f"by its sheet's name {quoted(aliases[priority.title])}"
    else:
        how = f"by similar words ({score:.0%} alike)"
    report.notes.append(
        f"Row {row.row}: {quoted(row.priority)} matched priority {quoted(priority.title)} "
        f"{how}; champion {row.champion}."
    )


def _score(name: str, priority: PriorityData, aliases: dict[str, str]) -> float:
    candidates = [priority.title]
    if priority.title in aliases:
        candidates.append(aliases[priority.title])
    return max(similarity(name, candidate) for candidate in candidates)


def similarity(first: str, second: str) -> float:
    """1.0 for the same words (case, "&"/"and", slashes and dashes aside), less as they differ."""
    words_a, words_b = _words(first), _words(second)
    if not words_a or not words_b:
        return 0.0
    if words_a == words_b or _acronym(words_a, words_b) or _acronym(words_b, words_a):
        return 1.0
    shared = sum(any(_close(a, b) for b in words_b) for a in words_a)
    shared_back = sum(any(_close(b, a) for a in words_a) for b in words_b)
    dice = (shared + shared_back) / (len(words_a) + len(words_b))
    sequence = SequenceMatcher(None, " ".join(words_a), " ".join(words_b)).ratio()
    return max(dice, sequence * 0.9)


def _words(text: str) -> list[str]:
    words = _WORD.findall(normalise_header(text))
    return [word for word in words if word not in _STOP_WORDS] or words


def _close(first: str, second: str) -> bool:
    if first == second:
        return True
    if min(len(first), len(second)) < 4:
        return False
    return SequenceMatcher(None, first, second).ratio() >= 0.85


def _acronym(short: list[str], long: list[str]) -> bool:
    """ "SEND" for "Special Educational Needs and Disabilities"."""
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long)
