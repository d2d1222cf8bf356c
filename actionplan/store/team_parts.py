"""The parts of a plan as a team copy sees them: which tables, in which order, how each row
belongs to its plan, which of its columns name other rows, and how rows are compared.

A plan moves between a SQLite file and a team's server table by table in the order below,
so every row a row names is there before it. Rows are of three kinds: ``merged`` rows can
be edited (a change made offline is merged field by field), ``added`` rows are only ever
added (a progress update, a reading, a snapshot: each lands once), and ``carried`` rows
have no id of their own and travel with the added row they belong to.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, select

from actionplan.store.schema import metadata
from actionplan.store.tables import VERSIONED_TABLES

MERGED = "merged"
ADDED = "added"
CARRIED = "carried"

# Bookkeeping every write stamps: never a change of its own, never a conflict.
NOT_COMPARED = frozenset(
    {"id", "version", "changed_by", "changed_at", "revision", "updated_at", "created_at"}
)

# What a row is called in a sentence, by table.
ROW_WORDS = {
    "plan": "the plan's settings",
    "priority": "priority",
    "outcome": "outcome",
    "lead": "lead",
    "action": "action",
    "measure": "measure",
    "measure_comparator": "comparator",
    "narrative": "narrative",
    "plan_closure": "the plan's closure",
    "carried_action": "carried action",
    "recommendation": "recommendation",
}


@dataclass(frozen=True)
class Part:
    """One table of a plan: how to find the plan's rows and which columns name other rows."""

    name: str
    kind: str
    links: dict[str, str] = field(default_factory=dict)  # column -> the table it names
    via: tuple[str, str] | None = None  # (column, table with plan_id) for rows a step down
    parent: str | None = None  # for carried rows: the added table they travel with
    # Columns naming a row of another plan: filled in when both plans travel, else left empty.
    across: tuple[str, ...] = ()

    @property
    def table(self) -> Table:
        """The table itself."""
        return metadata.tables[self.name]

    @property
    def later(self) -> bool:
        """True for parts copied after every plan of the copy, as they name other plans."""
        return bool(self.across)

    @property
    def versioned(self) -> bool:
        """True for tables whose rows carry a version checked on every update."""
        return self.name in VERSIONED_TABLES


PARTS = (
    Part("plan", MERGED),
    Part("priority", MERGED, {"plan_id": "plan"}),
    Part("outcome", MERGED, {"priority_id": "priority"}, via=("priority_id", "priority")),
    Part("lead", MERGED, {"plan_id": "plan"}),
    Part("action", MERGED, {"plan_id": "plan", "priority_id": "priority", "outcome_id": "outcome"}),
    Part("issued_return", ADDED, {"plan_id": "plan", "lead_id": "lead"}),
    Part(
        "issued_return_action",
        CARRIED,
        {"issued_return_id": "issued_return", "action_id": "action"},
        via=("issued_return_id", "issued_return"),
        parent="issued_return",
    ),
    Part(
        "progress_update",
        ADDED,
        {"action_id": "action", "issued_return_id": "issued_return"},
        via=("action_id", "action"),
    ),
    Part(
        "measure",
        MERGED,
        {
            "plan_id": "plan",
            "priority_id": "priority",
            "outcome_id": "outcome",
            "action_id": "action",
        },
    ),
    Part("measure_reading", ADDED, {"measure_id": "measure"}, via=("measure_id", "measure")),
    Part("measure_comparator", MERGED, {"measure_id": "measure"}, via=("measure_id", "measure")),
    Part("narrative", MERGED, {"priority_id": "priority"}, via=("priority_id", "priority")),
    Part("plan_source", ADDED, {"plan_id": "plan"}),
    Part("snapshot", ADDED, {"plan_id": "plan"}),
    Part(
        "snapshot_entry",
        CARRIED,
        {"snapshot_id": "snapshot", "action_id": "action"},
        via=("snapshot_id", "snapshot"),
        parent="snapshot",
    ),
    # The plan's update rounds: a round is closed, a lead returns or is chased, offline too.
    Part("update_round", MERGED, {"plan_id": "plan", "snapshot_id": "snapshot"}),
    Part(
        "round_lead",
        MERGED,
        {"round_id": "update_round", "issued_return_id": "issued_return"},
        via=("round_id", "update_round"),
    ),
    # Links between a plan and the next year's (a plan closed at roll-forward, an action
    # carried from last year's): copied after every plan, so both ends are there if both go.
    Part(
        "plan_closure",
        MERGED,
        {"plan_id": "plan", "rolled_to_plan_id": "plan"},
        across=("rolled_to_plan_id",),
    ),
    Part(
        "carried_action",
        MERGED,
        {"action_id": "action", "from_action_id": "action", "from_plan_id": "plan"},
        via=("action_id", "action"),
        across=("from_action_id", "from_plan_id"),
    ),
)

# The review recommendations: no plan's own, they travel with the actions answering them.
REGISTER = Part("recommendation", MERGED)

# Tables that belong to a plan (they name it, or a row of it) but are no part above, and why.
STAYS_BEHIND = {
    "action_lead": "an action's leads travel as a field of the action",
    "pack_settings": "the board pack's settings travel as a field of the plan",
    "recommendation_action": "a recommendation's actions travel as a field of it",
    "plan_revision": "each database counts its own revisions of a plan",
    "team_link": "a file's own note of the plan on the server it is linked to",
    "team_link_row": "a file's own note of each linked row as last agreed",
    "activity": "each database logs what was changed in it; a copy is not a change there",
}

BY_NAME = {part.name: part for part in PARTS}

# Rows without an id of their own, compared as a field of the row they hang from.
LEAD_LINKS = "leads"  # an action's leads (action_lead), as a sorted list of lead ids
PACK = "pack_settings"  # the plan's board pack settings, as one value
ACTIONS = "actions"  # a recommendation's actions (recommendation_action), sorted action ids
EXTRAS = (LEAD_LINKS, PACK, ACTIONS)


def rows_query(part: Part, plan_id: int) -> Select[Any]:
    """The plan's rows of one part, in id order where they have one."""
    table = part.table
    if part.name == "plan":
        query = select(table).where(table.c.id == plan_id)
    elif part.via is None:
        query = select(table).where(table.c.plan_id == plan_id)
    else:
        column, owner = part.via
        owners = metadata.tables[owner]
        query = select(table).where(
            table.c[column].in_(select(owners.c.id).where(owners.c.plan_id == plan_id))
        )
    return query.order_by(table.c.id) if "id" in table.c else query


def read_part(connection: Connection, part: Part, plan_id: int) -> list[dict[str, Any]]:
    """The plan's rows of one part as column-to-value dicts."""
    return [dict(row._mapping) for row in connection.execute(rows_query(part, plan_id))]


def action_leads(connection: Connection, plan_id: int) -> dict[int, list[int]]:
    """Each of the plan's actions' lead ids, sorted."""
    links = metadata.tables["action_lead"]
    actions = metadata.tables["action"]
    query = select(links.c.action_id, links.c.lead_id).where(
        links.c.action_id.in_(select(actions.c.id).where(actions.c.plan_id == plan_id))
    )
    found: dict[int, list[int]] = {}
    for action_id, lead_id in connection.execute(query):
        found.setdefault(action_id, []).append(lead_id)
    return {action_id: sorted(leads) for action_id, leads in found.items()}


def pack_settings(connection: Connection, plan_id: int) -> dict[str, Any] | None:
    """The plan's board pack settings without the plan's id, or None when never chosen."""
    table = metadata.tables["pack_settings"]
    row = connection.execute(select(table).where(table.c.plan_id == plan_id)).first()
    if row is None:
        return None
    return {key: value for key, value in row._mapping.items() if key != "plan_id"}


def comparable(value: Any) -> Any:
    """A value as it is kept for comparing later: JSON-safe, equal on both engines."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [comparable(item) for item in value]
    return value


def compared_fields(row: dict[str, Any]) -> dict[str, Any]:
    """The fields of a row a merge compares, as comparable values."""
    return {key: comparable(value) for key, value in row.items() if key not in NOT_COMPARED}


def label(part: Part, row: dict[str, Any]) -> str:
    """How a row is named in a sentence: "action 2.3 'Run a joint audit'"."""
    word = ROW_WORDS.get(part.name, part.name.replace("_", " "))
    if part.name == "plan":
        return word
    ref = str(row.get("ref") or row.get("number") or "").strip()
    words = str(
        row.get("text") or row.get("title") or row.get("name") or row.get("period_label") or ""
    )
    words = " ".join(words.split())
    short = words if len(words) <= 40 else words[:39] + "…"
    return " ".join(bit for bit in (word, ref, f"'{short}'" if short else "") if bit)


Key = tuple[str, int]  # (table, id in the source)


@dataclass
class Known:
    """What both sides last agreed on for one row: its id in the target, version, values."""

    target_id: int
    version: int
    values: dict[str, Any]


@dataclass
class CopyResult:
    """What a copy did: the ids it used, what is agreed now, what it added, changed, refused."""

    ids: dict[Key, int] = field(default_factory=dict)
    known: dict[Key, Known] = field(default_factory=dict)
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left behind, said once
