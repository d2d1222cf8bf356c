"""Comparators beside a measure's own figures (England, London, statistical neighbours)

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the measure_comparator table, empty for every plan already stored."""
    op.create_table(
        "measure_comparator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("period_label", sa.String(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("value_raw", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_comparator_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_comparator")),
    )
    with op.batch_alter_table("measure_comparator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_comparator_measure_id"), ["measure_id"], unique=False
        )


def downgrade() -> None:
    """Drop the measure_comparator table."""
    with op.batch_alter_table("measure_comparator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_comparator_measure_id"))
    op.drop_table("measure_comparator")
