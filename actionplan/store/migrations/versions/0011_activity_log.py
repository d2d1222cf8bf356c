"""An activity log: who changed which field of which row, from what to what, and when by
the server's clock. Append-only: the database itself refuses to change or delete an entry.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# It only adds the log; an app older than it goes on working, its changes not logged.
OLDER_APPS_MAY_CONTINUE = True

REFUSAL = "The activity log is only ever added to: its entries cannot be changed or deleted."

# Written out here rather than imported, so this step stays as it is when the store changes.
_NOW = {
    "sqlite": "(strftime('%Y-%m-%d %H:%M:%f', 'now'))",
    "postgresql": "(clock_timestamp() AT TIME ZONE 'utc')",
}


def upgrade() -> None:
    """Make the table, its indexes and the triggers that keep it append-only."""
    dialect = op.get_bind().dialect.name
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False, server_default=sa.text(_NOW[dialect])),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("old", sa.Text(), nullable=False),
        sa.Column("new", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    op.create_index(op.f("ix_activity_plan_id"), "activity", ["plan_id"])
    op.create_index(op.f("ix_activity_action_id"), "activity", ["action_id"])
    if dialect == "postgresql":
        _refuse_changes_on_a_server()
    else:
        _refuse_changes_in_a_file()


def _refuse_changes_in_a_file() -> None:
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER activity_no_{verb.lower()} BEFORE {verb} ON activity "
            f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
        )


def _refuse_changes_on_a_server() -> None:
    # A trigger holds for every role, the table's owner too; TRUNCATE is refused as well.
    op.execute(
        "CREATE FUNCTION activity_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER activity_append_only BEFORE UPDATE OR DELETE ON activity "
        "FOR EACH ROW EXECUTE FUNCTION activity_refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER activity_no_truncate BEFORE TRUNCATE ON activity "
        "FOR EACH STATEMENT EXECUTE FUNCTION activity_refuse_change()"
    )


def downgrade() -> None:
    """Drop the log and its triggers."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE activity")
        op.execute("DROP FUNCTION activity_refuse_change()")
        return
    op.drop_index(op.f("ix_activity_action_id"), table_name="activity")
    op.drop_index(op.f("ix_activity_plan_id"), table_name="activity")
    op.drop_table("activity")
