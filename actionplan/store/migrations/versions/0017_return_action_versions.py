"""Each action of an update return remembers the action's row version it was issued at, so a
merge on a team's server checks the one version every other save checks

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01

Returns issued before keep no version (NULL) and merge as they always did, by the action's
revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# It only adds a nullable column: an older app issuing a return leaves it empty, which reads
# as a return issued before, and merges as one.
OLDER_APPS_MAY_CONTINUE = True


def upgrade() -> None:
    """Add issued_return_action.action_version, empty for the returns already issued."""
    with op.batch_alter_table("issued_return_action") as batch_op:
        batch_op.add_column(sa.Column("action_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop issued_return_action.action_version; the returns keep their revisions."""
    with op.batch_alter_table("issued_return_action") as batch_op:
        batch_op.drop_column("action_version")
