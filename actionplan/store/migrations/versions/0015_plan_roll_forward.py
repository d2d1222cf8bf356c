"""Next year's plan from this one: a plan closed when it was rolled forward, and each
carried action's link back to the action it continues

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# It only adds tables no older app reads (an older app does not know a plan is closed).
OLDER_APPS_MAY_CONTINUE = True


def upgrade() -> None:
    """Add the plan_closure and carried_action tables, empty: no plan is closed yet."""
    op.create_table(
        "plan_closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.String(), nullable=False),
        sa.Column("rolled_to_plan_id", sa.Integer(), nullable=True),
        sa.Column("rolled_to_title", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_closure_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["rolled_to_plan_id"],
            ["plan.id"],
            name=op.f("fk_plan_closure_rolled_to_plan_id_plan"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_closure")),
    )
    op.create_index(op.f("ix_plan_closure_plan_id"), "plan_closure", ["plan_id"], unique=True)
    op.create_table(
        "carried_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("from_action_id", sa.Integer(), nullable=True),
        sa.Column("from_plan_id", sa.Integer(), nullable=True),
        sa.Column("from_plan_title", sa.String(), nullable=False),
        sa.Column("from_ref", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_carried_action_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_action_id"],
            ["action.id"],
            name=op.f("fk_carried_action_from_action_id_action"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["from_plan_id"],
            ["plan.id"],
            name=op.f("fk_carried_action_from_plan_id_plan"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carried_action")),
    )
    op.create_index(
        op.f("ix_carried_action_action_id"), "carried_action", ["action_id"], unique=True
    )
    op.create_index(op.f("ix_carried_action_from_action_id"), "carried_action", ["from_action_id"])


def downgrade() -> None:
    """Drop both: every plan is open again and carried actions forget where they came from."""
    op.drop_index(op.f("ix_carried_action_from_action_id"), table_name="carried_action")
    op.drop_index(op.f("ix_carried_action_action_id"), table_name="carried_action")
    op.drop_table("carried_action")
    op.drop_index(op.f("ix_plan_closure_plan_id"), table_name="plan_closure")
    op.drop_table("plan_closure")
