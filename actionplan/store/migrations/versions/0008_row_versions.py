"""Each plan, priority, outcome, action, measure and narrative row carries a version, and who
changed it last and when, so a save made from a stale read cannot overwrite a colleague's
change unseen.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Written out here rather than imported, so this step stays as it is when the tables change.
TABLES = ("plan", "priority", "outcome", "action", "measure", "narrative")


def upgrade() -> None:
    """Every row already stored starts at version 1, changed by nobody named."""
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )
            batch_op.add_column(
                sa.Column("changed_by", sa.String(), nullable=False, server_default="")
            )
            batch_op.add_column(sa.Column("changed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    """Drop the versions; saves are last-writer-wins again."""
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("changed_at")
            batch_op.drop_column("changed_by")
            batch_op.drop_column("version")
