"""Every stamp is the database server's time in UTC: the stamps written so far in the local
time of the PC that wrote them are turned into UTC, and the server stamps each new row.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01

Until now only the activity log's ``at`` and the versioned rows' ``changed_at`` came from the
server's clock in UTC; every other stamp was the writing PC's own clock in its local time,
so two PCs a few minutes (or a summer hour) apart ordered a colleague's work wrongly. Each
such stamp is turned into UTC by the time zone rules of the PC running the upgrade, summer
time included, stamp by stamp, to the microsecond; ``at`` and ``changed_at`` are left as
they are. A local time in the hour a clock goes back could be either of two moments: the
first (summer time) is taken. A value that is not a time at all (written by plain SQL) is
left untouched rather than refused.

``team_link.server_plan_created`` is a copy of the server's ``plan.created_at`` that tells
the same plan apart from one made anew: it is turned into UTC the same way, so a file and
its team's server, upgraded on PCs in one time zone, still agree.

Each stamp column also gets the server's clock as its default, so a row added by plain SQL
is stamped too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# No: an older app would go on writing its PC's local time into columns that now hold UTC,
# mixing the two without a trace of which is which (an update recorded on a PC an hour
# ahead would sort before one recorded earlier), and it would show UTC as local time. The
# team upgrades every PC to this version at once; an older copy is told to upgrade.
OLDER_APPS_MAY_CONTINUE = False

# Written out here rather than imported, so this step stays as it is when the store changes.
_NOW = {
    "sqlite": "(strftime('%Y-%m-%d %H:%M:%f', 'now'))",
    "postgresql": "(clock_timestamp() AT TIME ZONE 'utc')",
}

# The stamps the server now writes as a row is added, by table: (primary key, columns).
STAMPED = {
    "plan": ("id", ("created_at",)),
    "action": ("id", ("created_at", "updated_at")),
    "progress_update": ("id", ("recorded_at",)),
    "plan_source": ("id", ("imported_at",)),
    "snapshot": ("id", ("taken_at",)),
    "issued_return": ("id", ("issued_at",)),
    "team_link": ("plan_id", ("linked_at",)),
    "plan_closure": ("id", ("closed_at",)),
    "recommendation": ("id", ("created_at",)),
}
# Stamps copied from elsewhere: turned into UTC like the rest, never stamped here.
COPIED = {"team_link": ("plan_id", ("server_plan_created",))}

_CHUNK = 500  # rows written per statement


def upgrade() -> None:
    """Stamp new rows by the server's clock; turn the local stamps stored so far into UTC."""
    _drop_counting_triggers()
    _defaults(sa.text(_NOW[op.get_bind().dialect.name]))
    _convert(_local_to_utc)


def downgrade() -> None:
    """Back to the writing PC's local time, by this PC's rules, and no server defaults."""
    _drop_counting_triggers()
    _convert(_utc_to_local)
    _defaults(None)


def _drop_counting_triggers() -> None:
    # A SQLite file's tables are rebuilt to change a default, and the plan's counting
    # triggers on other tables name them (action_lead's names action): renaming the rebuilt
    # table would fail on them. The upgrade installs them all again once every step is done.
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    query = sa.text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'actionplan_rev_%'"
    )
    for name in bind.execute(query).scalars().all():
        op.execute(f'DROP TRIGGER "{name}"')


def _local_to_utc(stamp: datetime) -> datetime:
    return stamp.astimezone(UTC).replace(tzinfo=None)  # a naive time is taken as local


def _utc_to_local(stamp: datetime) -> datetime:
    return stamp.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _defaults(default: sa.TextClause | None) -> None:
    for table, (_key, columns) in STAMPED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.alter_column(
                    column,
                    existing_type=sa.DateTime(),
                    existing_nullable=False,
                    server_default=default,
                )


def _convert(change: Callable[[datetime], datetime]) -> None:
    for stamps in (STAMPED, COPIED):
        for table, (key, columns) in stamps.items():
            for column in columns:
                _convert_column(table, key, column, change)


def _convert_column(
    table: str, key: str, column: str, change: Callable[[datetime], datetime]
) -> None:
    bind = op.get_bind()
    # Read untyped: a SQLite file holds text, and text that is not a time is left alone.
    raw = sa.table(table, sa.column(key), sa.column(column))
    rows = bind.execute(sa.select(raw.c[key], raw.c[column])).all()
    changed = [
        {"row": row_key, "stamp": change(moment)}
        for row_key, value in rows
        if (moment := _moment(value)) is not None
    ]
    typed = sa.table(table, sa.column(key, sa.Integer()), sa.column(column, sa.DateTime()))
    if bind.dialect.name == "postgresql":
        _write_in_chunks(typed, key, column, changed)
    else:
        statement = sa.update(typed).where(typed.c[key] == sa.bindparam("row"))
        if changed:
            bind.execute(statement.values({column: sa.bindparam("stamp")}), changed)


def _write_in_chunks(
    typed: sa.TableClause, key: str, column: str, changed: list[dict[str, object]]
) -> None:
    # A server counts each statement's changes once (a plan's revision): a few statements,
    # each joining many rows to their new stamps, rather than one statement a row.
    for start in range(0, len(changed), _CHUNK):
        chunk = changed[start : start + _CHUNK]
        new = sa.values(
            sa.column("row", sa.Integer()), sa.column("stamp", sa.DateTime()), name="new"
        ).data([(item["row"], item["stamp"]) for item in chunk])
        op.get_bind().execute(
            sa.update(typed).where(typed.c[key] == new.c.row).values({column: new.c.stamp})
        )


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None
