"""Moving a plan to the team's server and back: publish, checkout, and the merge between.

Every test here needs a PostgreSQL server (the ``server_database`` fixture): a file is
published to it, or a plan checked out of it, as a business manager or lead would.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from actionplan.cli import main
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import (
    ActionDraft,
    action_draft,
    add_action,
    add_priority,
    delete_action,
    edit_action,
)
from actionplan.services.errors import ServiceError
from actionplan.services.plans import chosen_plan, create_plan, list_plans
from actionplan.services.progress import history, record_progress
from actionplan.services.rounds import RoundStart, leads_of, plan_rounds, start_round
from actionplan.services.sample_plans import load_sample_plans
from actionplan.services.summary import plan_summary
from actionplan.services.team import checkout, publish
from actionplan.services.views import ProgressEntry
from actionplan.store.database import Database
from tests.server_databases import stored_state

AS_OF = date(2025, 3, 31)
NewDatabase = Callable[[Path], Database]


@pytest.fixture
def server(server_database: str) -> Iterator[Database]:
    """The team's server database, empty, open for looking at and for colleagues' edits."""
    database = Database.open(server_database, user="Sam Colleague")
    yield database
    database.close()


def _file_with_a_plan(new_database: NewDatabase, path: Path, title: str) -> Database:
    db = new_database(path)
    plan = create_plan(db, title, "Northbridge SCP")
    first = add_priority(db, plan.id, "Contextual Risk", champion="Ana Novak")
    second = add_priority(db, plan.id, "Neglect", champion="Jo Bloggs")
    for number, words in enumerate(["Run a joint audit", "Train staff — تقييم المخاطر"], 1):
        action = add_action(db, first, ActionDraft(words, ref=f"1.{number}", lead="Police"))
        _record(db, action, f"Update {number}", date(2025, 1, number))
    add_action(db, second, ActionDraft("=SUM(A1) <b>bold</b>", ref="2.1", lead="Health; Police"))
    return db


def _record(db: Database, action_id: int, words: str, day: date) -> int:
    entry = ProgressEntry(action_id, day, Rag.GREEN, Status.IN_PROGRESS, words, author="Lead")
    return record_progress(db, entry)


def _rows(db: Database, title: str) -> list[dict[str, Any]]:
    """The plan's actions as a user sees them, without the ids each database gave them."""
    plan = chosen_plan(db, title)
    ids = ("id", "priority_id", "outcome_id")
    return [
        {k: v for k, v in asdict(row).items() if k not in ids}
        for row in action_rows(db, plan.id, AS_OF)
    ]


def _cli(*args: str) -> int:
    return main(list(args))


def test_a_published_plan_summarises_on_the_server_as_in_the_file_and_takes_new_rows(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """`team publish` copies every plan of the file; `summary --json` of each plan on the
    server matches the file's, and a priority, action and progress update added on the
    server afterwards are stored (the server's ids run on past the copied rows)."""
    file = new_database(tmp_path / "local.db")
    load_sample_plans(file)
    titles = [plan.title for plan in list_plans(file)]
    assert _cli("team", "publish", "--from", str(file.path), "--db", server.target) == 0
    printed = capsys.readouterr().out
    for title in titles:
        assert f"Published '{title}'" in printed
        for flag in ("--db", str(file.path)), ("--db", server.target):
            assert _cli("summary", "--json", "--as-of", "2025-03-31", "--plan", title, *flag) == 0
        from_file, from_server = capsys.readouterr().out.split("\n}\n", 1)
        assert json.loads(from_file + "}") == json.loads(from_server)
        assert _rows(file, title) == _rows(server, title)
    checkout(server.target, titles[0], tmp_path / "offline.db")
    offline = Database.open(tmp_path / "offline.db")
    assert _rows(offline, titles[0]) == _rows(file, titles[0])
    assert plan_summary(offline, titles[0], AS_OF) == plan_summary(file, titles[0], AS_OF)
    offline.close()
    plan = chosen_plan(server, titles[0])
    priority = add_priority(server, plan.id, "Added on the server")
    action = add_action(server, priority, ActionDraft("A new action", lead="Police"))
    _record(server, action, "First news", date(2025, 2, 1))
    assert [row.text for row in action_rows(server, plan.id, AS_OF)][-1] == "A new action"


def test_a_plan_published_beside_other_plans_is_whole_and_leaves_them_alone(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """The server already holds a plan whose rows have the ids the file's rows have: the
    published plan gets new ids, every link follows them, and the other plan is untouched."""
    _file_with_a_plan(new_database, tmp_path / "theirs.db", "Other Partnership Plan").close()
    publish(tmp_path / "theirs.db", server.target, None)
    before = _rows(server, "Other Partnership Plan")
    file = _file_with_a_plan(new_database, tmp_path / "local.db", "Northbridge Plan 2025")
    [result] = publish(tmp_path / "local.db", server.target, None)
    assert result.added["action"] == 3 and result.conflicts == ()
    assert _rows(server, "Northbridge Plan 2025") == _rows(file, "Northbridge Plan 2025")
    assert _rows(server, "Other Partnership Plan") == before
    plan = chosen_plan(server, "Northbridge Plan 2025")
    texts = [
        update.text
        for row in action_rows(server, plan.id, AS_OF)
        for update in history(server, row.id)
    ]
    assert sorted(texts) == ["Update 1", "Update 2"]
    add_action(server, action_rows(server, plan.id, AS_OF)[0].priority_id, ActionDraft("More"))


def test_a_title_the_server_uses_for_another_plan_is_refused_and_nothing_published(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """Two different plans of one title would be told apart by nobody: the second is refused."""
    _file_with_a_plan(new_database, tmp_path / "a.db", "Northbridge Plan 2025").close()
    _file_with_a_plan(new_database, tmp_path / "b.db", "Northbridge Plan 2025").close()
    publish(tmp_path / "a.db", server.target, None)
    before = stored_state(server)
    with pytest.raises(Exception, match="already has another plan called 'Northbridge Plan 2025'"):
        publish(tmp_path / "b.db", server.target, None)
    assert stored_state(server) == before


def test_publishing_twice_adds_nothing_twice(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """A second publish of an unchanged file finds the plan it published and adds nothing."""
    _file_with_a_plan(new_database, tmp_path / "local.db", "Northbridge Plan 2025").close()
    publish(tmp_path / "local.db", server.target, None)
    before = stored_state(server)
    [again] = publish(tmp_path / "local.db", server.target, None)
    assert again.merged and again.added == {} and again.updated == {} and again.conflicts == ()
    assert stored_state(server) == before
    assert [plan.title for plan in list_plans(server)] == ["Northbridge Plan 2025"]


def test_offline_changes_merge_and_a_field_changed_on_both_sides_is_a_conflict(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checked out, edited offline while a colleague edits on the server: the offline words
    of one action land beside the colleague's change of another field; the words both
    changed on another action keep the colleague's, told in a sentence, exit non-zero; the
    progress recorded offline lands with its date, once."""
    _file_with_a_plan(new_database, tmp_path / "start.db", "Northbridge Plan 2025").close()
    publish(tmp_path / "start.db", server.target, None)
    out = tmp_path / "offline.db"
    assert (
        _cli("team", "checkout", "--db", server.target, "--plan", "Northbridge", "--to", str(out))
        == 0
    )
    assert "Checked out 'Northbridge Plan 2025'" in capsys.readouterr().out
    plan = chosen_plan(server, "Northbridge Plan 2025")
    first, second, _third = (row.id for row in action_rows(server, plan.id, AS_OF))

    offline = Database.open(out, user="Jo Offline")
    draft = action_draft(offline, first)
    edit_action(offline, first, replace(draft, text="Audit done offline", lead="Police; Health"))
    edit_action(offline, second, replace(action_draft(offline, second), text="Offline words"))
    _record(offline, first, "Recorded on the train", date(2025, 3, 2))
    offline.close()
    edit_action(server, first, replace(action_draft(server, first), ref="1.1a"))
    edit_action(server, second, replace(action_draft(server, second), text="Colleague's words"))

    seen = action_draft(server, first).version
    code = _cli("team", "publish", "--from", str(out), "--db", server.target)
    printed = capsys.readouterr()
    assert code == 1
    [sentence] = printed.err.strip().splitlines()
    assert "Offline words" not in sentence and "Colleague" in sentence and "words" in sentence
    assert "Merged 'Northbridge Plan 2025'" in printed.out
    rows = {row.id: row for row in action_rows(server, plan.id, AS_OF)}
    assert (rows[first].text, rows[first].ref) == ("Audit done offline", "1.1a")
    assert sorted(rows[first].leads) == ["Health", "Police"]
    assert rows[second].text == "Colleague's words"
    assert action_draft(server, first).version == (seen or 0) + 1
    dated = [(u.update_date, u.text) for u in history(server, first)]
    assert (date(2025, 3, 2), "Recorded on the train") in dated

    assert _cli("team", "publish", "--from", str(out), "--db", server.target) == 1
    capsys.readouterr()
    assert [(u.update_date, u.text) for u in history(server, first)] == dated


def test_checkout_refuses_another_file_and_keeps_an_earlier_checkout_aside(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """A file that is not this plan's checkout is never overwritten; the plan's earlier
    checkout is replaced only after a copy of it is kept beside it."""
    start = _file_with_a_plan(new_database, tmp_path / "start.db", "Northbridge Plan 2025")
    create_plan(start, "Our own plan", "Northbridge SCP")
    start.close()
    publish(tmp_path / "start.db", server.target, "Northbridge Plan 2025")
    other = tmp_path / "unrelated.db"
    _file_with_a_plan(new_database, other, "Northbridge Plan 2025").close()
    before = other.read_bytes()
    with pytest.raises(ServiceError, match="not an earlier checkout of this plan"):
        checkout(server.target, None, other)
    assert other.read_bytes() == before
    with pytest.raises(ServiceError, match="not an earlier checkout of this plan"):
        checkout(server.target, None, tmp_path / "start.db")  # linked, but holds others too
    first = checkout(server.target, None, tmp_path / "mine.db")
    assert first.earlier_kept_as is None
    again = checkout(server.target, None, tmp_path / "mine.db")
    assert again.earlier_kept_as is not None and again.earlier_kept_as.exists()


@pytest.mark.parametrize("content", [b"", b"this is not a database at all\n" * 50])
def test_a_corrupt_file_is_one_sentence_and_changes_nothing_on_the_server(
    new_database: NewDatabase,
    tmp_path: Path,
    server: Database,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
) -> None:
    """An empty or garbage file is refused in one sentence; the server is as it was."""
    _file_with_a_plan(new_database, tmp_path / "start.db", "Northbridge Plan 2025").close()
    publish(tmp_path / "start.db", server.target, None)
    before = stored_state(server)
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    assert _cli("team", "publish", "--from", str(bad), "--db", server.target) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "bad.db" in line and "Traceback" not in line
    assert stored_state(server) == before


def test_a_file_of_another_program_or_a_newer_app_changes_nothing_on_the_server(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """A SQLite file with other tables, or one stamped by a newer actionplan, is refused."""
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    newer = tmp_path / "newer.db"
    _file_with_a_plan(new_database, newer, "Northbridge Plan 2025").close()
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = stored_state(server)
    with pytest.raises(Exception, match="another program"):
        publish(other, server.target, None)
    with pytest.raises(Exception, match="newer version of actionplan"):
        publish(newer, server.target, None)
    assert stored_state(server) == before


def test_a_server_that_is_down_is_one_sentence(
    new_database: NewDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nobody listening at the server's address: one line, no traceback, the file unchanged."""
    _file_with_a_plan(new_database, tmp_path / "local.db", "Northbridge Plan 2025").close()
    before = (tmp_path / "local.db").read_bytes()
    down = "postgresql+psycopg://nobody:secret@127.0.0.1:9/actionplan"
    assert _cli("team", "publish", "--from", str(tmp_path / "local.db"), "--db", down) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "secret" not in line and "Traceback" not in line
    assert (tmp_path / "local.db").read_bytes() == before


def test_an_action_removed_offline_goes_unless_a_colleague_changed_it_meanwhile(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """Removed in the checkout: an action nobody touched on the server is removed there too;
    one a colleague changed meanwhile, or recorded progress on (with the RAG and status it
    had), is kept with that progress, and the publish says so."""
    _file_with_a_plan(new_database, tmp_path / "start.db", "Northbridge Plan 2025").close()
    publish(tmp_path / "start.db", server.target, None)
    checkout(server.target, None, tmp_path / "offline.db")
    plan = chosen_plan(server, "Northbridge Plan 2025")
    first, second, third = (row.id for row in action_rows(server, plan.id, AS_OF))
    offline = Database.open(tmp_path / "offline.db")
    for action in (first, second, third):
        delete_action(offline, action)
    offline.close()
    edit_action(server, third, replace(action_draft(server, third), text="Still needed"))
    _record(server, second, "Colleague's news", date(2025, 3, 3))
    [result] = publish(tmp_path / "offline.db", server.target, None)
    assert [row.id for row in action_rows(server, plan.id, AS_OF)] == [second, third]
    assert "Colleague's news" in [update.text for update in history(server, second)]
    assert len(result.conflicts) == 2
    assert all("kept" in sentence for sentence in result.conflicts)
    assert any("Still needed" in sentence for sentence in result.conflicts)


def test_a_value_the_server_refuses_publishes_nothing_and_says_so_in_one_sentence(
    new_database: NewDatabase, tmp_path: Path, server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """A value the server cannot store (a number too big for its column, which SQLite takes)
    stops the publish of every plan in the file half way: the server is exactly as it was,
    and one sentence says why."""
    _file_with_a_plan(new_database, tmp_path / "first.db", "Already there").close()
    publish(tmp_path / "first.db", server.target, None)
    file = _file_with_a_plan(new_database, tmp_path / "local.db", "A good plan")
    plan = create_plan(file, "Northbridge Plan 2025", "Northbridge SCP")
    priority = add_priority(file, plan.id, "Neglect")
    add_action(file, priority, ActionDraft("Words with a far position"))
    file.close()
    with sqlite3.connect(tmp_path / "local.db") as raw:
        raw.execute("UPDATE action SET position = 4000000000000")
    raw.close()
    before = stored_state(server)
    assert _cli("team", "publish", "--from", str(tmp_path / "local.db"), "--db", server.target) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "nothing was copied" in line and "Words with" not in line
    assert stored_state(server) == before


def test_a_plans_update_round_is_published_with_it(
    new_database: NewDatabase, tmp_path: Path, server: Database
) -> None:
    """A round started in the file arrives on the server with every lead it asked."""
    file = _file_with_a_plan(new_database, tmp_path / "local.db", "Northbridge Plan 2025")
    started = start_round(
        file, RoundStart(date(2025, 3, 14), "Board 20 March"), tmp_path / "round", None,
        date(2025, 3, 1),
    )  # fmt: skip
    asked = [(lead.lead_name, lead.sent_on) for lead in leads_of(file, started)]
    file.close()
    publish(tmp_path / "local.db", server.target, None)
    [there] = plan_rounds(server, chosen_plan(server, None).id)
    assert (there.name, there.due) == ("Board 20 March", date(2025, 3, 14))
    assert [(lead.lead_name, lead.sent_on) for lead in leads_of(server, there)] == asked
    assert asked  # the plan's leads with open actions were asked
