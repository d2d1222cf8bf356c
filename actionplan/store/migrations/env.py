"""Alembic environment: runs the plan's migrations on the connection the app hands over."""

from __future__ import annotations

from alembic import context

import actionplan.store.schema as models

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=models.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
