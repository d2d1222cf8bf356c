"""A protective marking of the plan's own, printed on its board pack by default

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add plan.marking, blank for every plan already stored."""
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("marking", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    """Drop plan.marking."""
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_column("marking")
