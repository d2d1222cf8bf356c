"""A plan's years and the review recommendations moving to the team's server and back: a
closed plan and the plan rolled forward from it, the actions carried between them, and the
recommendations those actions answer (each needs the ``server_database`` fixture).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from actionplan.domain.plan_years import NextPlan
from actionplan.domain.recommendations import RecommendationDraft, ReviewType
from actionplan.services.actions import action_rows
from actionplan.services.editing import (
    action_draft,
    add_action,
    add_priority,
    delete_action,
    edit_action,
)
from actionplan.services.next_plan import (
    carried_from,
    plan_closure,
    reopen_plan,
    start_next_plan,
)
from actionplan.services.plans import chosen_plan
from actionplan.services.recommendations import (
    add_recommendation,
    delete_recommendation,
    edit_recommendation,
    link_action,
    recommendation_lines,
    sign_off,
)
from actionplan.services.rounds import RoundStart, plan_rounds, start_round
from actionplan.services.team import checkout, publish
from actionplan.services.views import ActionDraft
from actionplan.store.database import Database
from tests.server_databases import stored_state
from tests.services.test_team import AS_OF, NewDatabase, _cli, _file_with_a_plan, server

__all__ = ["server"]  # the fixture, used by name below

OLD = "Northbridge Plan 2024-25"
NEW = "Northbridge Plan 2025-26"


def _two_years(new_database: NewDatabase, path: Path) -> Database:
    """A file holding last year's plan, closed when this year's was started from it with
    its three unfinished actions carried, a round of this year's, and three recommendations:
    one answered by last year's 1.1, one by last year's 1.2 and this year's 2.1, one by none."""
    db = _file_with_a_plan(new_database, path, OLD)
    old = chosen_plan(db, OLD)
    first, second, _third = (row.id for row in action_rows(db, old.id, AS_OF))
    child_q = RecommendationDraft("Child Q", "Share the chronology", ReviewType.PRACTICE_REVIEW)
    audit = RecommendationDraft("Audit 2024", "Train the front door — تقييم", ReviewType.AUDIT)
    sign_off(db, add_recommendation(db, child_q, [first]), "Chair", date(2025, 3, 1))
    audit_id = add_recommendation(db, audit, [second])
    made = start_next_plan(db, old.id, NextPlan(NEW, date(2025, 4, 1), date(2026, 3, 31)))
    carried = [row.id for row in action_rows(db, made.plan_id, AS_OF)]
    link_action(db, audit_id, carried[2])
    start_round(db, RoundStart(date(2026, 1, 9), "Board January"), path.parent / "r", None, AS_OF)
    add_recommendation(db, RecommendationDraft("Ofsted JTAI", "=Agree a <b>plan</b>"))
    return db


def _printed(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert _cli(*args) == 0
    return json.loads(capsys.readouterr().out)


def _summary(capsys: pytest.CaptureFixture[str], where: str, title: str) -> Any:
    return _printed(
        capsys, "summary", "--json", "--as-of", "2025-03-31", "--plan", title, "--db", where
    )


def _register(capsys: pytest.CaptureFixture[str], where: str) -> Any:
    return _printed(
        capsys, "recommendations", "list", "--json", "--as-of", "2025-03-31", "--db", where
    )


def _action(db: Database, title: str, ref: str) -> int:
    rows = action_rows(db, chosen_plan(db, title).id, AS_OF)
    return next(row.id for row in rows if row.ref == ref)


def test_a_closed_year_its_carried_actions_and_recommendations_are_published_whole(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both years, the closure between them, the carried actions' links back, the round and
    the whole register arrive: `summary --json` of each plan and `recommendations list
    --json` match the file's; new rows on the server take new ids; publishing again adds
    nothing."""
    file = _two_years(new_database, tmp_path / "local.db")
    assert _cli("team", "publish", "--from", str(file.path), "--db", server.target) == 0
    printed = capsys.readouterr().out
    assert "3 recommendations" in printed and len(printed.splitlines()) == 2  # nothing left
    for title in (OLD, NEW):
        assert _summary(capsys, str(file.path), title) == _summary(capsys, server.target, title)
    assert _register(capsys, str(file.path)) == _register(capsys, server.target)

    old, new = chosen_plan(server, OLD), chosen_plan(server, NEW)
    closed = plan_closure(server, old.id)
    assert closed is not None and (closed.rolled_to_plan_id, closed.rolled_to_title) == (
        new.id,
        NEW,
    )
    came_from = carried_from(server, _action(server, NEW, "1.2"))
    assert came_from is not None
    assert (came_from.action_id, came_from.plan_id) == (_action(server, OLD, "1.2"), old.id)
    assert [one.name for one in plan_rounds(server, new.id)] == ["Board January"]

    before = stored_state(server)
    [again_old, again_new] = publish(tmp_path / "local.db", server.target, None)
    assert again_new.added == again_old.added == {} and again_new.conflicts == ()
    assert stored_state(server) == before

    priority = add_priority(server, new.id, "Added on the server")
    action = add_action(server, priority, ActionDraft("A new action", lead="Police"))
    added = add_recommendation(server, RecommendationDraft("Child R", "Listen"), [action])
    assert link_action(server, added, _action(server, NEW, "1.1"))
    assert [line.record.id for line in recommendation_lines(server, AS_OF)][-1] == added


def test_a_checkout_brings_the_plans_recommendations_and_says_what_stayed_on_the_server(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checked out alone, this year's plan comes with the recommendation its action answers
    (and only that link); its carried actions keep last year's in words, and one sentence
    says so; last year's plan, checked out, is still closed, rolled forward in words."""
    _two_years(new_database, tmp_path / "local.db").close()
    publish(tmp_path / "local.db", server.target, None)
    new_file, old_file = tmp_path / "this-year.db", tmp_path / "last-year.db"
    assert (
        _cli("team", "checkout", "--db", server.target, "--plan", NEW, "--to", str(new_file)) == 0
    )
    said = capsys.readouterr().out.splitlines()
    assert said[1] == (
        f"3 actions of '{NEW}' were carried forward from '{OLD}', which was not copied with it, "
        "so the copy names where each came from in words only."
    )
    assert said[2].startswith("1 recommendation is also answered by actions of plans not copied")
    assert _summary(capsys, str(new_file), NEW) == _summary(capsys, server.target, NEW)
    [audit] = _register(capsys, str(new_file))["reviews"]
    [line] = audit["recommendations"]
    assert [(a["plan"], a["ref"]) for a in line["actions"]] == [(NEW, "2.1")]
    offline = Database.open(new_file)
    came_from = carried_from(offline, _action(offline, NEW, "1.1"))
    assert came_from is not None and (came_from.action_id, came_from.plan_title) == (None, OLD)
    offline.close()

    checkout(server.target, OLD, old_file)
    offline = Database.open(old_file)
    closed = plan_closure(offline, chosen_plan(offline, OLD).id)
    assert closed is not None and (closed.rolled_to_plan_id, closed.rolled_to_title) == (None, NEW)
    offline.close()
    before = stored_state(server)
    for file in (new_file, old_file):
        [result] = publish(file, server.target, None)
        assert result.added == {} and result.updated == {} and result.conflicts == ()
    assert stored_state(server) == before  # nothing left behind was taken for a removal


def test_an_offline_edit_of_a_recommendation_merges_or_conflicts_as_an_actions_would(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline, the audit's response is written and Child Q's words changed while a colleague
    changes the audit's words and Child Q's words too: the response and the colleague's
    audit words both land; Child Q keeps the colleague's words, told in one sentence, exit 1.
    A link to another action made offline lands beside the links the file never knew."""
    _two_years(new_database, tmp_path / "local.db").close()
    publish(tmp_path / "local.db", server.target, None)
    out = tmp_path / "offline.db"
    checkout(server.target, OLD, out)
    offline = Database.open(out, user="Jo Offline")
    child_q, audit = (line.record for line in recommendation_lines(offline, AS_OF))
    edit_recommendation(offline, audit.id, replace(audit.draft, response="Training booked"))
    edit_recommendation(offline, child_q.id, replace(child_q.draft, text="Offline words"))
    reopen_plan(offline, chosen_plan(offline, OLD).id)
    link_action(offline, child_q.id, _action(offline, OLD, "2.1"))
    offline.close()
    edit_recommendation(server, audit.id, replace(audit.draft, text="Colleague's audit words"))
    edit_recommendation(server, child_q.id, replace(child_q.draft, text="Colleague's words"))

    assert _cli("team", "publish", "--from", str(out), "--db", server.target) == 1
    [sentence] = capsys.readouterr().err.strip().splitlines()
    assert "Recommendation 'Colleague's words'" in sentence and "words changed both" in sentence
    there = {line.record.id: line.record for line in recommendation_lines(server, AS_OF)}
    assert (there[audit.id].draft.text, there[audit.id].draft.response) == (
        "Colleague's audit words",
        "Training booked",
    )
    assert there[child_q.id].draft.text == "Colleague's words"
    assert [(a.plan_title, a.ref) for a in there[child_q.id].actions] == [
        (OLD, "1.1"),
        (OLD, "2.1"),
    ]
    assert [(a.plan_title, a.ref) for a in there[audit.id].actions] == [(OLD, "1.2"), (NEW, "2.1")]
    assert plan_closure(server, chosen_plan(server, OLD).id) is None  # reopened offline
    assert len(recommendation_lines(server, AS_OF)) == 3

    assert _cli("team", "publish", "--from", str(out), "--db", server.target) == 1
    capsys.readouterr()
    assert len(recommendation_lines(server, AS_OF)) == 3


def test_a_plan_closed_on_the_server_meanwhile_takes_none_of_the_files_changes(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """Checked out open, edited offline, closed on the server by a roll-forward meanwhile:
    the publish leaves the closed plan as it is and says so; publishing an unchanged copy
    of it says nothing."""
    _file_with_a_plan(new_database, tmp_path / "start.db", OLD).close()
    publish(tmp_path / "start.db", server.target, None)
    checkout(server.target, OLD, tmp_path / "unchanged.db")
    checkout(server.target, OLD, tmp_path / "offline.db")
    offline = Database.open(tmp_path / "offline.db")
    first = _action(offline, OLD, "1.1")
    edit_action(offline, first, replace(action_draft(offline, first), text="Edited offline"))
    offline.close()
    start_next_plan(server, chosen_plan(server, OLD).id, NextPlan(NEW))
    before = stored_state(server)
    [result] = publish(tmp_path / "offline.db", server.target, None)
    assert result.conflicts == (
        f"'{OLD}' was closed on the server since the file's copy, so the changes made to it in "
        "the file were not published: reopen it on the server, then publish again.",
    )
    assert stored_state(server) == before
    [quiet] = publish(tmp_path / "unchanged.db", server.target, None)
    assert quiet.conflicts == () and stored_state(server) == before


def test_a_recommendation_naming_an_action_not_in_the_file_is_one_sentence_and_nothing_else(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file edited past the app so that a recommendation links to an action it does not
    hold is refused in one sentence; the server is exactly as it was."""
    _two_years(new_database, tmp_path / "local.db").close()
    with sqlite3.connect(tmp_path / "local.db") as raw:
        raw.execute("INSERT INTO recommendation_action VALUES (1, 9999)")
    raw.close()
    before = stored_state(server)
    assert _cli("team", "publish", "--from", str(tmp_path / "local.db"), "--db", server.target) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line == (
        "actionplan: The recommendation 'Share the chronology' names an action the file does "
        "not hold, so the file is damaged and nothing was copied."
    )
    assert stored_state(server) == before


def test_next_years_plan_started_offline_is_published_with_its_links_to_the_old_one(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Last year's plan checked out, next year's started from it offline: both land, the old
    one closed and rolled forward to the new one, whose carried actions name the old ones on
    the server; `summary --json` of both match the file's."""
    _file_with_a_plan(new_database, tmp_path / "start.db", OLD).close()
    publish(tmp_path / "start.db", server.target, None)
    checkout(server.target, OLD, tmp_path / "offline.db")
    offline = Database.open(tmp_path / "offline.db")
    start_next_plan(offline, chosen_plan(offline, OLD).id, NextPlan(NEW))
    offline.close()
    [old_result, new_result] = publish(tmp_path / "offline.db", server.target, None)
    assert old_result.merged and not new_result.merged
    assert old_result.conflicts == new_result.conflicts == () and not new_result.notes
    old, new = chosen_plan(server, OLD), chosen_plan(server, NEW)
    closed = plan_closure(server, old.id)
    assert closed is not None and closed.rolled_to_plan_id == new.id
    came_from = carried_from(server, _action(server, NEW, "2.1"))
    assert came_from is not None
    assert (came_from.action_id, came_from.plan_id) == (_action(server, OLD, "2.1"), old.id)
    for title in (OLD, NEW):
        here = _summary(capsys, str(tmp_path / "offline.db"), title)
        assert here == _summary(capsys, server.target, title)


def test_a_recommendation_removed_offline_goes_unless_it_answers_actions_the_file_lacks(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """Last year's plan checked out, two recommendations and an action removed offline: the
    one answered only by that plan's actions goes from the server; the one answered by this
    year's action too is kept, said in one sentence; the action goes with its links."""
    _two_years(new_database, tmp_path / "local.db").close()
    publish(tmp_path / "local.db", server.target, None)
    checkout(server.target, OLD, tmp_path / "offline.db")
    offline = Database.open(tmp_path / "offline.db")
    reopen_plan(offline, chosen_plan(offline, OLD).id)
    for line in recommendation_lines(offline, AS_OF):
        delete_recommendation(offline, line.record.id)
    delete_action(offline, _action(offline, OLD, "2.1"))
    offline.close()
    [result] = publish(tmp_path / "offline.db", server.target, None)
    assert result.removed == {"action": 1, "plan_closure": 1, "recommendation": 1}
    assert result.conflicts == (
        "Recommendation 'Train the front door — تقييم' was removed in the file but is also "
        "answered by actions the file does not hold, so it was kept on the server.",
    )
    [kept, ofsted] = (line.record for line in recommendation_lines(server, AS_OF))
    assert [(a.plan_title, a.ref) for a in kept.actions] == [(OLD, "1.2"), (NEW, "2.1")]
    assert ofsted.draft.review == "Ofsted JTAI"
