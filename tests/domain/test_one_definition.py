"""One definition of the rules: the days before an action counts as stale are set once."""

from __future__ import annotations

import re
from pathlib import Path

import actionplan
from actionplan.domain.rules import STALE_AFTER_DAYS, stale_heading

PACKAGE = Path(actionplan.__file__).resolve().parent
RULES = PACKAGE / "domain" / "rules.py"
# "90 days", "90+ days", "= 90" beside a stale setting: any way of typing the number again.
_TYPED_AGAIN = re.compile(r"\b90\+?\s*days\b|stale\w*\s*(?::\s*int\s*)?=\s*90\b", re.IGNORECASE)


def _outside_the_rules(pattern: re.Pattern[str]) -> list[str]:
    """Every line of the package outside domain/rules.py that matches, as "file:line"."""
    return [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != RULES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_the_stale_days_are_typed_in_one_place_only() -> None:
    """Only domain/rules.py says how many days without an update make an action stale; the
    window, the summary, the tracker and the pack all take it from there."""
    assert _outside_the_rules(_TYPED_AGAIN) == []
    assert "STALE_AFTER_DAYS = 90" in RULES.read_text(encoding="utf-8")
    assert stale_heading() == f"No update for {STALE_AFTER_DAYS} days"


# A count of flags or RAGs worked out again outside the rules: sum(x.overdue ...), Counter(x.rag
# ...), or the overdue and stale rules called one by one instead of through one judgement.
_COUNTED_AGAIN = re.compile(
    r"sum\(\s*\w+\.(overdue|stale|no_update|complete)\b|Counter\(\s*\w+\.rag\b"
    r"|\bis_overdue\(|\bis_stale\("
)


def test_overdue_stale_and_the_rag_counts_are_worked_out_in_the_rules_only() -> None:
    """The window, the summary, the tracker and the pack take their judgements and counts
    from domain/rules.py, so no two of them can disagree on how many are overdue."""
    assert _outside_the_rules(_COUNTED_AGAIN) == []
