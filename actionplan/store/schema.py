"""Every table of the app's schema, gathered: the plan's own (tables.py) and those kept beside
it by area (team mode, update rounds, review recommendations, a plan's years).

Code that walks the whole schema (a deletion following every link, the migrations' check,
the team's rights) takes ``metadata`` from here, so no table is missed because its module
was not imported yet.
"""

from __future__ import annotations

from sqlalchemy import MetaData

# Imported for their tables, which each adds to the one MetaData as it loads.
from actionplan.store import review_tables, round_tables, tables, team_tables, year_tables  # noqa: F401

__all__ = ["metadata"]

metadata: MetaData = tables.metadata
