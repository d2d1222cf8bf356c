"""What each team member may do through the app's own services, on a real server: what the
role allows is saved, what it does not is refused as "not permitted" (never as a conflict),
in one sentence, with nothing written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from actionplan.cli import main
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.conflicts import EditConflict
from actionplan.services.editing import action_draft, add_priority, delete_priority, edit_action
from actionplan.services.errors import ServiceError
from actionplan.services.pack_settings import PackSettings, pack_settings, save_pack_settings
from actionplan.services.plans import change_plan_settings, create_plan, plan_settings
from actionplan.services.progress import history, record_progress, withdraw_update
from actionplan.services.rights import rights_of
from actionplan.services.team_members import add_member, is_new_login
from actionplan.services.views import ProgressEntry
from actionplan.store.database import Database
from actionplan.store.refusals import NotPermitted
from tests.server_databases import stored_state
from tests.team_helpers import PASSWORD, Team, team

__all__ = ["team"]  # the fixture, used by name below

DAY = date(2025, 3, 1)


def progress(action_id: int, words: str = "Audit under way") -> ProgressEntry:
    """An update on the action that needs no reason (in progress, amber, before its date)."""
    return ProgressEntry(action_id, DAY, Rag.AMBER, Status.IN_PROGRESS, words, "Ana", "why")


def rows_now(team: Team) -> list[object]:
    """Every action of the plan as the manager reads it, with each one's updates."""
    db = team.open_as("manager")
    rows = action_rows(db, team.plan_id, DAY)
    return [(row, history(db, row.id)) for row in rows]


def test_the_manager_changes_the_plan_through_the_app(team: Team) -> None:
    """Words, progress on any action, priorities and the plan's settings all save."""
    db = team.open_as("manager")
    draft = action_draft(db, team.others_action)
    edit_action(db, team.others_action, replace(draft, text="Train every new social worker"))
    record_progress(db, progress(team.others_action))
    added = add_priority(db, team.plan_id, "Neglect")
    delete_priority(db, added)
    settings = plan_settings(db, team.plan_id)
    change_plan_settings(db, team.plan_id, replace(settings, marking="OFFICIAL"))
    assert action_draft(db, team.others_action).text == "Train every new social worker"
    assert plan_settings(db, team.plan_id).marking == "OFFICIAL"


def test_a_lead_records_progress_on_their_action_and_takes_it_back(team: Team) -> None:
    """Ana's own action takes her update and its RAG; Undo takes it back."""
    db = team.open_as("lead")
    update_id = record_progress(db, progress(team.own_action))
    assert [update.text for update in history(db, team.own_action)] == ["Audit under way"]
    withdraw_update(db, update_id, Rag.UNRATED, Status.NOT_STARTED)
    assert history(db, team.own_action) == []


def test_a_lead_recording_on_anothers_action_is_told_not_permitted_not_conflict(
    team: Team,
) -> None:
    """The server's row security makes the write match no row, as a stale version would;
    the lead is told who leads the action, not that a colleague changed it."""
    before = rows_now(team)
    db = team.open_as("lead")
    with pytest.raises(NotPermitted) as refusal:
        record_progress(db, progress(team.others_action))
    assert not isinstance(refusal.value, EditConflict)
    assert str(refusal.value) == (
        "You can record progress only on actions you lead; action 1.2 is led by Ben Okafor."
    )
    assert rows_now(team) == before


def test_a_lead_cannot_change_the_plan_itself(team: Team) -> None:
    """An action's words, priorities and the plan's settings stay the manager's."""
    before = rows_now(team)
    db = team.open_as("lead")
    draft = action_draft(db, team.own_action)
    for attempt in (
        lambda: edit_action(db, team.own_action, replace(draft, text="Something else")),
        lambda: add_priority(db, team.plan_id, "Neglect"),
        lambda: delete_priority(db, team.priority_id),
        lambda: change_plan_settings(db, team.plan_id, replace(
            plan_settings(db, team.plan_id), marking="OFFICIAL")),
    ):  # fmt: skip
        with pytest.raises(NotPermitted, match="not permitted to change"):
            attempt()
    assert rows_now(team) == before


def test_a_reader_reads_and_changes_nothing(team: Team) -> None:
    """The board's login reads every action; each write is refused in one sentence."""
    before = rows_now(team)
    db = team.open_as("reader")
    assert len(action_rows(db, team.plan_id, DAY)) == 2
    draft = action_draft(db, team.own_action)
    for attempt in (
        lambda: record_progress(db, progress(team.own_action)),
        lambda: edit_action(db, team.own_action, replace(draft, text="Something else")),
        lambda: add_priority(db, team.plan_id, "Neglect"),
        lambda: delete_priority(db, team.priority_id),
    ):
        with pytest.raises(NotPermitted) as refusal:
            attempt()
        assert "\n" not in str(refusal.value) and "permission denied" not in str(refusal.value)
    assert rows_now(team) == before


def test_rights_read_from_the_server_match_each_role(team: Team) -> None:
    """What the window greys out comes from the login's role as the server knows it."""
    manager = rights_of(team.open_as("manager"))
    lead = rights_of(team.open_as("lead"))
    reader = rights_of(team.open_as("reader"))
    assert (manager.edit_plan, manager.record_any, manager.owner_warning) == (True, True, "")
    assert (lead.edit_plan, lead.record_any) == (False, False)
    assert lead.may_record_on(["Ana Novak"]) and not lead.may_record_on(["Ben Okafor"])
    assert (reader.edit_plan, reader.may_record_on(["Ana Novak"])) == (False, False)
    assert "read and print" in reader.why_not_edit


def test_the_owner_opening_the_team_database_is_warned(team: Team) -> None:
    """The owner can change the rules themselves: fine for setting up, not for daily work."""
    owner = Database.open(team.url)
    try:
        assert "owns this team database" in rights_of(owner).owner_warning
    finally:
        owner.close()


def test_a_one_person_file_has_every_right(db_path: object, new_database: object) -> None:
    """SQLite: one person, all rights, nothing greyed out and no warning."""
    db = new_database(db_path)  # type: ignore[operator]
    rights = rights_of(db)
    assert (rights.edit_plan, rights.record_any, rights.owner_warning) == (True, True, "")


def test_a_lead_must_be_tied_to_a_lead_the_plan_names(team: Team) -> None:
    """A lead's login without a name, or with a name no plan has, is refused unmade."""
    owner = Database.open(team.url)
    login = f"{team.name}_cara"
    team.logins["extra"] = login
    try:
        with pytest.raises(ServiceError, match="--lead"):
            add_member(owner, login, "lead", PASSWORD)
        with pytest.raises(Exception, match=r"No lead is called 'Cara Ngata'.*Ana Novak"):
            add_member(owner, login, "lead", PASSWORD, "Cara Ngata")
        assert is_new_login(owner, login)
    finally:
        owner.close()


def test_a_member_given_another_role_keeps_one_role(team: Team) -> None:
    """Making the reader a manager takes the reader's role away: one person, one role."""
    owner = Database.open(team.url)
    try:
        add_member(owner, team.logins["reader"], "manager", None)
    finally:
        owner.close()
    rights = rights_of(team.open_as("reader"))
    assert (rights.role, rights.edit_plan) == ("manager", True)


def test_a_reader_prints_the_board_pack_with_their_choices_unkept(team: Team) -> None:
    """The board prints; what a reader chose for their copy is not kept for everyone."""
    chosen = PackSettings(("Two actions are on track",), "Note the audit", True, False)
    db = team.open_as("reader")
    assert save_pack_settings(db, team.plan_id, chosen) == chosen
    assert pack_settings(team.open_as("manager"), team.plan_id) == PackSettings()


@pytest.mark.parametrize("role", ["lead", "reader"])
def test_only_a_manager_may_publish_a_file_to_the_team(
    team: Team, role: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lead or the board publishing a file of their own is told in one line that it is
    for the manager, and the server keeps every row as it was."""
    offline = Database.open(str(tmp_path / "mine.db"))
    plan = create_plan(offline, "My own copy", "Northbridge SCP")
    add_priority(offline, plan.id, "Neglect")
    offline.close()
    owner = Database.open(team.url)
    before = stored_state(owner)
    code = main(["team", "publish", "--from", str(tmp_path / "mine.db"), "--db", team.url_as(role)])
    [line] = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert "Traceback" not in line and "permission denied" not in line.lower()
    assert "not permitted" in line and "manager" in line
    assert stored_state(owner) == before
    owner.close()
