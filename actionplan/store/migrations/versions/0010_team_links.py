"""A plan copied to or from a team's server remembers the plan it is there, and each row's
version and values as they were copied, so a later publish merges instead of duplicating

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# It only adds tables no older app reads.
OLDER_APPS_MAY_CONTINUE = True


def upgrade() -> None:
    """Add the team_link and team_link_row tables, empty: no plan is linked to a server yet."""
    op.create_table(
        "team_link",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("server", sa.String(), nullable=False),
        sa.Column("server_plan_id", sa.Integer(), nullable=False),
        sa.Column("server_plan_created", sa.DateTime(), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_team_link_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_team_link")),
    )
    op.create_table(
        "team_link_row",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("server_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["team_link.plan_id"],
            name=op.f("fk_team_link_row_plan_id_team_link"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", "table_name", "row_id", name=op.f("pk_team_link_row")),
    )


def downgrade() -> None:
    """Drop the links; a later publish copies the plan as a new one."""
    op.drop_table("team_link_row")
    op.drop_table("team_link")
