"""An index that lets a plan's actions be read in plan order without sorting them

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the index on (priority_id, position, id)."""
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index("ix_action_priority_order", ["priority_id", "position", "id"])


def downgrade() -> None:
    """Drop the index."""
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index("ix_action_priority_order")
