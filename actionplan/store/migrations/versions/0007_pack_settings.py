"""The board pack's settings kept with each plan: key messages, the board's ask, cover, appendix

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the pack_settings table, empty: every plan already stored prints its drafts."""
    op.create_table(
        "pack_settings",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("key_messages", sa.Text(), nullable=False),
        sa.Column("board_asked", sa.Text(), nullable=False),
        sa.Column("cover", sa.Boolean(), nullable=False),
        sa.Column("appendix", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_pack_settings_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_pack_settings")),
    )


def downgrade() -> None:
    """Drop the pack_settings table; packs print their drafts again."""
    op.drop_table("pack_settings")
