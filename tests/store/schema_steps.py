"""Databases at other schemas than the app's: set back to an older one, or upgraded by a newer
copy of the app (the package copied beside the test with one more migration of its own)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Connection, text

import actionplan
from actionplan.store.engine import make_engine
from actionplan.store.migrate import alembic_config
from actionplan.store.target import SCHEMA_REVISION

NEWER = "9999"

# A newer app's step adding a column and a table, as it declares itself to older apps.
_NEWER_STEP = '''"""A newer app's step: every action gains an effort estimate; a table of tags.

Revision ID: {newer}
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "{newer}"
down_revision = "{head}"
branch_labels = None
depends_on = None

OLDER_APPS_MAY_CONTINUE = {may_continue}


def upgrade():
    with op.batch_alter_table("action") as batch_op:
        batch_op.add_column(
            sa.Column("effort", sa.String(), nullable=False, server_default="not estimated")
        )
    op.create_table("tag", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("tag")
    with op.batch_alter_table("action") as batch_op:
        batch_op.drop_column("effort")
'''


def set_back_to(target: str, revision: str) -> None:
    """Take the database at the target back to an older schema, as an older app left it."""
    from alembic import command

    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            # A step rebuilding a SQLite table drops the old one: with foreign keys on, that
            # would take every row naming it along (the app's own upgrade turns them off too).
            _foreign_keys(connection, on=False)
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def newer_app(folder: Path, *, may_continue: bool) -> Path:
    """A copy of the app one migration ahead of this one; returns the folder to run it from."""
    package = Path(actionplan.__file__).parent
    copy = folder / "actionplan"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    step = _NEWER_STEP.format(newer=NEWER, head=SCHEMA_REVISION, may_continue=may_continue)
    (copy / "store" / "migrations" / "versions" / f"{NEWER}_effort.py").write_text(step)
    target = copy / "store" / "target.py"
    text = target.read_text()
    target.write_text(
        text.replace(f'SCHEMA_REVISION = "{SCHEMA_REVISION}"', f'SCHEMA_REVISION = "{NEWER}"')
    )
    return folder


def run_app(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the copy of the app in the folder as a command, in a process of its own."""
    environment = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        [sys.executable, "-m", "actionplan", *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def column_values(target: str, sql: str) -> list[tuple[object, ...]]:
    """Rows of a plain query, read past the app (it may not know the columns asked for)."""
    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()
