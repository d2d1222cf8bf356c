"""Update returns are signed and recorded: a database key, action revisions, issued returns

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the signing key, each action's revision, the issued returns and each update's return."""
    secret = op.create_table(
        "database_secret",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_database_secret")),
    )
    # Made here, once per database, so every copy of the app that opens it signs alike.
    op.bulk_insert(secret, [{"name": "returns", "value": secrets.token_bytes(32)}])
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
    _issued_tables()
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.add_column(sa.Column("issued_return_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_progress_update_issued_return_id"), ["issued_return_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_progress_update_issued_return_id_issued_return"),
            "issued_return",
            ["issued_return_id"],
            ["id"],
            ondelete="SET NULL",
        )


def _issued_tables() -> None:
    op.create_table(
        "issued_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("lead_name", sa.String(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_issued_return_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_return")),
    )
    with op.batch_alter_table("issued_return", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_return_plan_id"), ["plan_id"], unique=False)
    op.create_table(
        "issued_return_action",
        sa.Column("issued_return_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issued_return_id"],
            ["issued_return.id"],
            name=op.f("fk_issued_return_action_issued_return_id_issued_return"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "issued_return_id", "action_id", name=op.f("pk_issued_return_action")
        ),
    )


def downgrade() -> None:
    """Drop what upgrade added; updates merged from returns stay, without their return."""
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_progress_update_issued_return_id_issued_return"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_progress_update_issued_return_id"))
        batch_op.drop_column("issued_return_id")
    op.drop_table("issued_return_action")
    with op.batch_alter_table("issued_return", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_return_plan_id"))
    op.drop_table("issued_return")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_column("revision")
    op.drop_table("database_secret")
