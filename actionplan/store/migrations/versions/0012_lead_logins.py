"""A lead can be tied to a team member's database login, so the server lets that person
record progress on the actions they lead and on no others.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# It only adds a column an older app leaves empty.
OLDER_APPS_MAY_CONTINUE = True

# One login is one person: within a plan it names one lead at most, while a person may lead
# in several plans. Leads without a login (every lead of a one-person file) are not counted.
INDEX = "uq_lead_plan_login"
ONLY_SET = "login IS NOT NULL"


def upgrade() -> None:
    """Add lead.login, empty for every lead already stored."""
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(sa.Column("login", sa.String(), nullable=True))
    op.create_index(
        INDEX,
        "lead",
        ["plan_id", "login"],
        unique=True,
        sqlite_where=sa.text(ONLY_SET),
        postgresql_where=sa.text(ONLY_SET),
    )


def downgrade() -> None:
    """Drop lead.login; leads are names only again."""
    op.drop_index(INDEX, table_name="lead")
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_column("login")
