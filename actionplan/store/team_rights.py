"""Who may do what to each table of a team database: the one list the server's grants come from.

Three kinds of team member, each a PostgreSQL group role (see team_roles.py):

- **manager** (the business manager): reads and changes the whole plan;
- **lead** (a priority lead): reads the plan, records progress on the actions they lead and
  takes back their own latest update; the action's words, timescale and leads are the
  plan the board agreed, and stay the manager's;
- **reader** (the board, the scrutineer): reads and prints.

Every table of tables.py has a line in ``TABLE_RIGHTS`` (a test fails when one has none),
so a new table is never left readable by nobody or writable by everyone by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

MANAGER = "manager"
LEAD = "lead"
READER = "reader"
ROLES = (MANAGER, LEAD, READER)

SELECT = "SELECT"
INSERT = "INSERT"
UPDATE = "UPDATE"
DELETE = "DELETE"
WRITES = (INSERT, UPDATE, DELETE)


@dataclass(frozen=True)
class Grant:
    """What one role may do to one table.

    ``columns``: the only columns its UPDATE may set (all of them when empty).
    ``rows``: an SQL condition on the table's row: the rows its writes may touch and
    create (row-level security); blank for every row.
    """

    privileges: frozenset[str] = frozenset()
    columns: tuple[str, ...] = ()
    rows: str = ""

    def allows(self, privilege: str) -> bool:
        """True when the role holds this privilege on the table (on some rows at least)."""
        return privilege in self.privileges


NOTHING = Grant()
READ = Grant(frozenset({SELECT}))
EVERYTHING = Grant(frozenset({SELECT, *WRITES}))

# The action's lead rows name the connected login: a lead's own action.
_LED_BY_ME = (
    "EXISTS (SELECT 1 FROM action_lead JOIN lead ON lead.id = action_lead.lead_id "
    "WHERE action_lead.action_id = {action} AND lead.login = current_user)"
)
OWN_ACTION = _LED_BY_ME.format(action='"action".id')
OWN_ACTIONS_UPDATE = _LED_BY_ME.format(action="progress_update.action_id")

# What recording progress (in the window or merged from a return) writes on the action: its
# RAG and status, and the bookkeeping every save stamps (the row's version, who changed it
# and when, the revision a return compares, when it was updated).
LEAD_ACTION_COLUMNS = (
    "rag",
    "status",
    "updated_at",
    "revision",
    "version",
    "changed_by",
    "changed_at",
)

_LEAD_ACTION = Grant(frozenset({SELECT, UPDATE}), LEAD_ACTION_COLUMNS, OWN_ACTION)
_LEAD_PROGRESS = Grant(frozenset({SELECT, INSERT, DELETE}), rows=OWN_ACTIONS_UPDATE)
_LOG_WRITER = Grant(frozenset({INSERT}))
_LOG_WRITER_READS = Grant(frozenset({SELECT, INSERT}))


def _everyone_reads() -> dict[str, Grant]:
    return {MANAGER: EVERYTHING, LEAD: READ, READER: READ}


TABLE_RIGHTS: dict[str, dict[str, Grant]] = {
    "plan": _everyone_reads(),
    "priority": _everyone_reads(),
    "outcome": _everyone_reads(),
    "lead": _everyone_reads(),
    "action": {MANAGER: EVERYTHING, LEAD: _LEAD_ACTION, READER: READ},
    "action_lead": _everyone_reads(),
    "progress_update": {MANAGER: EVERYTHING, LEAD: _LEAD_PROGRESS, READER: READ},
    "measure": _everyone_reads(),
    "measure_reading": _everyone_reads(),
    "measure_comparator": _everyone_reads(),
    "narrative": _everyone_reads(),
    "plan_source": _everyone_reads(),
    "snapshot": _everyone_reads(),
    "snapshot_entry": _everyone_reads(),
    # The key that signs update returns: only whoever issues and merges returns sees it.
    "database_secret": {MANAGER: EVERYTHING, LEAD: NOTHING, READER: NOTHING},
    "issued_return": _everyone_reads(),
    "issued_return_action": _everyone_reads(),
    "pack_settings": _everyone_reads(),
    # Every copy of the app reads the schema's revision as it opens the database; only the
    # administrator (the owner) upgrades it.
    "alembic_version": {MANAGER: READ, LEAD: READ, READER: READ},
    "schema_compatibility": {MANAGER: READ, LEAD: READ, READER: READ},
    # The activity log: everyone's saves add to it, nobody changes it; the board and the
    # manager read it.
    "activity": {MANAGER: _LOG_WRITER_READS, LEAD: _LOG_WRITER, READER: READ},
    # Each plan's revision, counted by the server's own triggers on every write; read by
    # every window to see a colleague's change; a plan brought back by undo goes on counting.
    "plan_revision": _everyone_reads(),
    # Next year's plan: which plan is closed, and which action continues which.
    "plan_closure": _everyone_reads(),
    "carried_action": _everyone_reads(),
    # The review recommendations register and the actions that answer each.
    "recommendation": _everyone_reads(),
    "recommendation_action": _everyone_reads(),
    # The quarterly update round: the business manager runs it; everyone may see it.
    "update_round": _everyone_reads(),
    "round_lead": _everyone_reads(),
    # Where a file's plan lives on a server: kept in the file only, never on the server.
    "team_link": {MANAGER: NOTHING, LEAD: NOTHING, READER: NOTHING},
    "team_link_row": {MANAGER: NOTHING, LEAD: NOTHING, READER: NOTHING},
}


def row_limited(table: str) -> bool:
    """True when some role's writes to the table are limited to some of its rows."""
    return any(grant.rows for grant in TABLE_RIGHTS[table].values())
