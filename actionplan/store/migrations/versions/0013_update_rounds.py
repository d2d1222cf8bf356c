"""Update rounds per plan, what happened with each lead in a round, and each lead's email

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# It only adds tables and a column with a default: older apps go on working.
OLDER_APPS_MAY_CONTINUE = True


def upgrade() -> None:
    """Add lead.email (blank for every lead already stored) and the round tables, empty."""
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(), nullable=False, server_default=""))
    op.create_table(
        "update_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("folder", sa.String(), nullable=False),
        sa.Column("reply_to", sa.String(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("snapshot_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_update_round_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_update_round")),
    )
    with op.batch_alter_table("update_round", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_update_round_plan_id"), ["plan_id"], unique=False)
    _round_lead_table()


def _round_lead_table() -> None:
    op.create_table(
        "round_lead",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("lead_name", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("issued_return_id", sa.Integer(), nullable=False),
        sa.Column("return_file", sa.String(), nullable=False),
        sa.Column("email_file", sa.String(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("merged_on", sa.Date(), nullable=True),
        sa.Column("chased_on", sa.Date(), nullable=True),
        sa.Column("chases", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["update_round.id"],
            name=op.f("fk_round_lead_round_id_update_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_lead")),
    )
    with op.batch_alter_table("round_lead", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_lead_round_id"), ["round_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_round_lead_issued_return_id"), ["issued_return_id"], unique=False
        )


def downgrade() -> None:
    """Drop the round tables and lead.email."""
    op.drop_table("round_lead")
    op.drop_table("update_round")
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_column("email")
