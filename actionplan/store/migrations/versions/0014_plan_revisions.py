"""Each plan gets a revision number, one more on every write that changes what a window
shows of it, so a window open on the plan learns that a colleague changed it.

The triggers that count are not created here: the app (re)installs them after every
upgrade (store/revision_triggers.py), because a later step rebuilding a table on SQLite
drops the triggers that table had.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# It only adds a table (the triggers count older apps' writes as well).
OLDER_APPS_MAY_CONTINUE = True


def upgrade() -> None:
    """Add plan_revision, every plan already stored at revision 1."""
    op.create_table(
        "plan_revision",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_revision_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_plan_revision")),
    )
    op.execute("INSERT INTO plan_revision (plan_id, revision) SELECT id, 1 FROM plan")


def downgrade() -> None:
    """Drop the revisions (and the triggers counting them); windows refresh on a click again."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # Dropping the functions drops every trigger that runs them.
        functions = bind.execute(
            sa.text(
                "SELECT oid::regprocedure::text FROM pg_proc WHERE proname LIKE 'actionplan\\_%'"
            )
        ).scalars()
        for function in list(functions):
            op.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")
    else:
        triggers = bind.execute(
            sa.text(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'trigger' AND name LIKE 'actionplan_rev_%'"
            )
        ).scalars()
        for trigger in list(triggers):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("plan_revision")
