"""The database records the oldest app schema that may still use it, so a team can upgrade one
PC at a time.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

Each step from this one on says whether a copy of the app that does not know it may go on
using the upgraded database (OLDER_APPS_MAY_CONTINUE): yes when it only adds tables, or
columns that are nullable or have a server default, so an older app's inserts still work;
no for anything that renames, drops or tightens. A step that does not say counts as no.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# It only adds a table no older app reads.
OLDER_APPS_MAY_CONTINUE = True


def upgrade() -> None:
    """Add the schema_compatibility table, empty: the upgrade writes its one row."""
    op.create_table(
        "schema_compatibility",
        sa.Column("schema_revision", sa.String(), nullable=False),
        sa.Column("oldest_app_schema", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("schema_revision", name=op.f("pk_schema_compatibility")),
    )


def downgrade() -> None:
    """Drop the schema_compatibility table; an older app meeting a newer schema refuses it."""
    op.drop_table("schema_compatibility")
