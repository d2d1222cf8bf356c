"""A lead's database login (team mode): empty for every lead already stored, and naming one
lead of a plan at most, while one person may lead in several plans."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import PlanInfo, create_plan
from actionplan.store.database import Database
from actionplan.store.migrate import alembic_config, current_revision, head_revision
from actionplan.store.tables import Lead


def test_leads_of_a_database_at_0008_open_with_no_login_and_keep_their_names(
    tmp_path: Path,
) -> None:
    """Upgrading adds the login, empty: nobody's login is tied to a lead by accident."""
    from alembic import command

    old = tmp_path / "plans.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0007.db", old)
    with sqlite3.connect(old) as raw:
        names = raw.execute("SELECT id, plan_id, name FROM lead ORDER BY id").fetchall()
    raw.close()
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
    engine.dispose()
    db = Database.open(old)
    assert current_revision(db.engine) == head_revision()
    db.close()
    with sqlite3.connect(old) as raw:
        after = raw.execute("SELECT id, plan_id, name, login FROM lead ORDER BY id").fetchall()
    raw.close()
    assert names and after == [(*row, None) for row in names]


def _lead_ids(db: Database, plan: PlanInfo, *names: str) -> list[int]:
    priority = add_priority(db, plan.id, "Neglect")
    for name in names:
        add_action(db, priority, ActionDraft(text=f"Work led by {name}", lead=name))
    with db.reading() as session:
        leads = session.exec(select(Lead).where(Lead.plan_id == plan.id).order_by(Lead.name))
        return [lead.id for lead in leads if lead.id is not None]


def _tie(db: Database, lead_ids: list[int], login: str) -> None:
    with db.writing() as session:
        session.execute(update(Lead).where(Lead.id.in_(lead_ids)).values(login=login))  # type: ignore[union-attr]


def test_a_login_names_one_lead_of_a_plan_and_may_lead_in_another(
    db: Database, plan: PlanInfo
) -> None:
    """Two leads of one plan cannot share a login; the same person in another plan can."""
    ana, ben = _lead_ids(db, plan, "Ana Novak", "Ben Okafor")
    other = create_plan(db, "Northbridge Business Plan 2026-27")
    (ana_again,) = _lead_ids(db, other, "Ana Novak")
    _tie(db, [ana, ana_again], "ana")
    with pytest.raises(IntegrityError):
        _tie(db, [ben], "ana")
    with db.reading() as session:
        logins = {lead.id: lead.login for lead in session.exec(select(Lead))}
    assert logins == {ana: "ana", ben: None, ana_again: "ana"}
