"""Every table that belongs to a plan travels with it to a team's server and back, or is
listed as staying behind with the reason: a table added later cannot be forgotten."""

from __future__ import annotations

from sqlalchemy import Table

from actionplan.store.schema import metadata
from actionplan.store.team_parts import PARTS, REGISTER, STAYS_BEHIND


def _plans_tables() -> set[str]:
    """The tables naming a plan (a plan_id column) or a row of a table that does."""
    owned = {"plan"} | {table.name for table in metadata.tables.values() if "plan_id" in table.c}
    while True:
        more = {table.name for table in metadata.tables.values() if _names(table, owned)} - owned
        if not more:
            return owned
        owned |= more


def _names(table: Table, owned: set[str]) -> bool:
    return any(key.column.table.name in owned for key in table.foreign_keys)


def test_every_table_of_a_plan_travels_or_says_why_it_stays_behind() -> None:
    """A table of a plan that no part copies and that is not listed as staying behind
    fails here: add it to team_parts.PARTS (or STAYS_BEHIND, with the reason)."""
    travels = {part.name for part in PARTS} | {REGISTER.name}
    forgotten = sorted(_plans_tables() - travels - set(STAYS_BEHIND))
    assert forgotten == [], f"tables of a plan that neither travel nor say why: {forgotten}"


def test_what_stays_behind_is_a_real_table_of_a_plan_with_a_reason() -> None:
    """No stale line: each table listed as staying behind exists, belongs to a plan, is not
    copied after all, and its reason is a sentence."""
    travels = {part.name for part in PARTS} | {REGISTER.name}
    for name, reason in STAYS_BEHIND.items():
        assert name in _plans_tables() and name not in travels, name
        assert len(reason.split()) >= 5, name


def test_each_part_names_only_parts_copied_before_it() -> None:
    """A row's links are mapped to the target's ids, so what it names is copied first."""
    seen: set[str] = set()
    for part in PARTS:
        named = {table for column, table in part.links.items() if column not in part.across}
        assert named <= seen | {part.name}, part.name
        seen.add(part.name)
