"""An update's date may be unknown, and may be known only to the month

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Let progress_update.update_date be empty; add date_precision, "day" for every update."""
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.alter_column("update_date", existing_type=sa.Date(), nullable=True)
        batch_op.add_column(
            sa.Column("date_precision", sa.String(), nullable=False, server_default="day")
        )


def downgrade() -> None:
    """Drop date_precision; an undated update takes the day it was recorded."""
    op.execute(
        "UPDATE progress_update SET update_date = date(recorded_at) WHERE update_date IS NULL"
    )
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.drop_column("date_precision")
        batch_op.alter_column("update_date", existing_type=sa.Date(), nullable=False)
