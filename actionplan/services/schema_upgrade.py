"""The administrator's schema upgrade of a team database, and the sentence that reports it.

A team's server database is never upgraded by opening it: its administrator runs this (the
command line's ``actionplan team upgrade``), and setting up a new team database starts here
too, since it creates the tables of an empty one. A SQLite file goes through the same steps.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from actionplan.store.target import SCHEMA_REVISION


@dataclass(frozen=True)
class SchemaUpgrade:
    """What an upgrade found and left: schema revisions, ``before`` None for an empty database."""

    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        """True when this upgrade changed the schema (another copy may have done it first)."""
        return self.before != self.after

    def sentence(self) -> str:
        """What was done, in one sentence."""
        if self.before is None:
            return f"Created the database's tables at schema {self.after}."
        if self.changed:
            return f"Upgraded from schema {self.before} to {self.after}."
        if self.after != SCHEMA_REVISION:
            return (
                f"Already up to date: schema {self.after} was written by a newer version of "
                f"actionplan, which apps of schema {SCHEMA_REVISION} may go on using."
            )
        return "Already up to date."


def upgrade_team_database(target: str | os.PathLike[str] | None = None) -> SchemaUpgrade:
    """Bring the database at the target to this app's schema, holding the upgrade lock, and
    say what was done; a database a newer app made incompatible is refused unchanged."""
    from actionplan.store.database import upgrade_schema  # the store loads only when asked

    before, after = upgrade_schema(target)
    return SchemaUpgrade(before, after)
