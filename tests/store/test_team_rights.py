"""Rights enforced by the server: each team role may do what the one list says, and the
server refuses the rest even to plain SQL sent with the app bypassed."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from actionplan.store.refusals import NotPermitted
from actionplan.store.schema import metadata
from actionplan.store.team_rights import ROLES, TABLE_RIGHTS, UPDATE
from actionplan.store.versions import Conflict, update_row
from tests.team_helpers import PASSWORD, Team, plain_sql, team

__all__ = ["team"]  # the fixture, used by name below

EDIT_WORDS = "UPDATE action SET text = 'Changed by hand' WHERE id = :id"
SET_RAG = "UPDATE action SET rag = 'red', version = version + 1 WHERE id = :id"
ADD_UPDATE = (
    "INSERT INTO progress_update (action_id, date_precision, author, text, rag, status, "
    "suggested_rag, reason, recorded_at) VALUES (:id, 'day', 'x', 'Done', 'green', "
    "'In progress', '', '', now())"
)
ADD_PRIORITY = (
    "INSERT INTO priority (plan_id, number, title, aim, champion, position, version, "
    "changed_by) VALUES (:id, '9', 'New', '', '', 9, 1, '')"
)
DELETE_PRIORITY = "DELETE FROM priority WHERE id = :id"
PLAN_SETTINGS = "UPDATE plan SET title = 'Renamed', version = version + 1 WHERE id = :id"


def test_every_table_has_a_line_saying_what_each_role_may_do() -> None:
    """A table added to tables.py without its rights would be readable by nobody on a team's
    server (or, worse, granted by hand): each one needs its line, for every role."""
    unlisted = sorted(set(metadata.tables) - set(TABLE_RIGHTS))
    assert unlisted == [], f"add these tables to store/team_rights.TABLE_RIGHTS: {unlisted}"
    for table, grants in TABLE_RIGHTS.items():
        assert set(grants) == set(ROLES), table


def test_a_lead_may_update_only_the_columns_recording_progress_writes() -> None:
    """The action's words, timescale and leads stay the manager's; RAG, status and the
    bookkeeping every save stamps are the lead's to write on their own actions."""
    lead = TABLE_RIGHTS["action"]["lead"]
    assert lead.allows(UPDATE)
    assert {"rag", "status", "version", "changed_by", "changed_at", "revision"} <= set(lead.columns)
    assert not {"text", "timescale_raw", "due_date", "lead_raw", "ref"} & set(lead.columns)


def refused(team: Team, role: str, statement: str, **values: object) -> bool:
    """True when the server refuses the statement outright for that member."""
    try:
        plain_sql(team, role, statement, **values)
    except ProgrammingError as exc:
        assert "permission denied" in str(exc) or "row-level security" in str(exc), exc
        return True
    return False


def test_everyone_in_the_team_reads_the_plan(team: Team) -> None:
    """Manager, lead and reader all read every action, with the app bypassed."""
    for role in ROLES:
        engine = create_engine(team.url_as(role))
        try:
            with engine.connect() as connection:
                count = connection.execute(text("SELECT count(*) FROM action")).scalar()
        finally:
            engine.dispose()
        assert count == 2, role


def test_the_manager_changes_the_whole_plan_with_plain_sql(team: Team) -> None:
    """The business manager's login may change words, record progress, add and delete
    priorities and change the plan's settings."""
    assert plain_sql(team, "manager", EDIT_WORDS, id=team.others_action) == 1
    assert plain_sql(team, "manager", ADD_UPDATE, id=team.others_action) == 1
    assert plain_sql(team, "manager", ADD_PRIORITY, id=team.plan_id) == 1
    assert plain_sql(team, "manager", PLAN_SETTINGS, id=team.plan_id) == 1
    assert plain_sql(team, "manager", DELETE_PRIORITY, id=team.priority_id) == 1


def test_a_lead_records_progress_on_their_own_action_only_even_bypassing_the_app(
    team: Team,
) -> None:
    """The server itself limits a lead: progress and RAG on the actions they lead, nothing
    on another's (the UPDATE matches no row, the INSERT is refused), no words, no plan."""
    assert plain_sql(team, "lead", ADD_UPDATE, id=team.own_action) == 1
    assert plain_sql(team, "lead", SET_RAG, id=team.own_action) == 1
    assert refused(team, "lead", ADD_UPDATE, id=team.others_action)
    assert plain_sql(team, "lead", SET_RAG, id=team.others_action) == 0
    assert refused(team, "lead", EDIT_WORDS, id=team.own_action)
    assert refused(team, "lead", ADD_PRIORITY, id=team.plan_id)
    assert refused(team, "lead", DELETE_PRIORITY, id=team.priority_id)
    assert refused(team, "lead", PLAN_SETTINGS, id=team.plan_id)


def test_a_reader_changes_nothing_even_bypassing_the_app(team: Team) -> None:
    """The board's and the scrutineer's logins read and print; every write is refused."""
    for statement, row in (
        (EDIT_WORDS, team.own_action),
        (SET_RAG, team.own_action),
        (ADD_UPDATE, team.own_action),
        (ADD_PRIORITY, team.plan_id),
        (DELETE_PRIORITY, team.priority_id),
        (PLAN_SETTINGS, team.plan_id),
    ):
        assert refused(team, "reader", statement, id=row), statement


def test_only_the_manager_sees_the_key_that_signs_returns(team: Team) -> None:
    """A lead holding the signing key could forge a return's locked cells."""
    read = "SELECT count(*) FROM database_secret"
    assert plain_sql(team, "manager", read) >= 0
    assert refused(team, "lead", read)
    assert refused(team, "reader", read)


def test_row_security_is_forced_so_the_owner_is_held_to_it_too(team: Team) -> None:
    """FORCE: the tables' owner gets no quiet exception from the policies."""
    engine = create_engine(team.url)
    try:
        with engine.connect() as connection:
            forced = connection.execute(
                text(
                    "SELECT relname, relrowsecurity AND relforcerowsecurity FROM pg_class "
                    "WHERE relname IN ('action', 'progress_update')"
                )
            ).all()
    finally:
        engine.dispose()
    assert dict(forced) == {"action": True, "progress_update": True}


def test_another_partnerships_login_cannot_even_connect(team: Team) -> None:
    """Two partnerships on one server stay apart: a login in neither group is turned away."""
    engine = create_engine(team.url)
    stranger = f"{team.name}_stranger"
    try:
        with engine.begin() as connection:
            connection.execute(text(f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD '{PASSWORD}'"))
        team.logins["stranger"] = stranger
        with pytest.raises(Exception, match="permission denied"):
            plain_sql(team, "stranger", "SELECT 1")
    finally:
        engine.dispose()


def test_a_refused_update_of_a_versioned_row_is_not_permitted_and_a_stale_one_a_conflict(
    team: Team,
) -> None:
    """Both match no row on the server; only the stale one is a colleague's change."""
    db = team.open_as("lead")
    actions = metadata.tables["action"]
    with pytest.raises(NotPermitted, match=r"action 1\.2 is led by Ben Okafor"):
        with db.writing() as session:
            update_row(session.connection(), actions, team.others_action, 1, {"rag": "red"})
    with pytest.raises(Conflict):
        with db.writing() as session:
            update_row(session.connection(), actions, team.own_action, 7, {"rag": "red"})
    with db.writing() as session:
        assert update_row(session.connection(), actions, team.own_action, 1, {"rag": "red"}) == 2
