"""A register of review recommendations (practice reviews, audits, inspections), each linked
to the actions of any plan that answer it, with the board's sign-off.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# It only adds two tables no older app reads.
OLDER_APPS_MAY_CONTINUE = True


def upgrade() -> None:
    """Add the recommendation table and its links to actions."""
    op.create_table(
        "recommendation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review", sa.Text(), nullable=False),
        sa.Column("review_type", sa.String(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("signed_off_by", sa.String(), nullable=False),
        sa.Column("signed_off_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation")),
    )
    op.create_table(
        "recommendation_action",
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name=op.f("fk_recommendation_action_recommendation_id_recommendation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_recommendation_action_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "recommendation_id", "action_id", name=op.f("pk_recommendation_action")
        ),
    )
    op.create_index(
        op.f("ix_recommendation_action_action_id"), "recommendation_action", ["action_id"]
    )


def downgrade() -> None:
    """Drop the register and its links."""
    op.drop_index(op.f("ix_recommendation_action_action_id"), "recommendation_action")
    op.drop_table("recommendation_action")
    op.drop_table("recommendation")
