"""Update returns carry each action's row version, the one rule a team's saves are checked by:
a colleague's change after issue is a conflict that names them, a reorder is not, an edited
version is refused whole, and a return issued before versions were kept still merges."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import action_draft, edit_action, move_action
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import ProgressEntry, history, record_progress
from actionplan.services.returns import apply_returns, export_returns, preview_returns
from actionplan.store.database import Database, upgrade_schema
from tests.pc_zone import pc_in_zone
from tests.plan_helpers import fill_in, plan_with_leads
from tests.services.test_returns import AS_OF, ids
from tests.store.schema_steps import column_values, set_back_to

COLLEAGUE = "Sam Patel"
BEFORE_VERSIONS = "0016"  # the schema whose returns kept no row versions


@pytest.fixture
def far_from_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock set to India's time, 5½ hours from the server's UTC stamps."""
    with pc_in_zone(monkeypatch, "Asia/Kolkata"):
        yield


@pytest.fixture
def issued(db: Database, tmp_path: Path) -> tuple[dict[str, int], Path]:
    """The plan's action ids by ref, and the return issued to Police (rows 2: 1.1, 3: 1.2)."""
    plan_id = save_plan_data(db, plan_with_leads())
    result = export_returns(db, tmp_path / "returns", as_of=AS_OF, leads=["Police"])
    return ids(db, plan_id), result.files[0]


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    """A second session on the same database, a colleague's, writing under their name."""
    theirs = Database.open(db.target, user=COLLEAGUE)
    yield theirs
    theirs.close()


def _shown_moment(line: str) -> datetime:
    """The day and time a conflict line says the colleague changed the action."""
    found = re.search(r"changed this action on (\d{1,2} \w{3} \d{4}) at (\d\d:\d\d)", line)
    assert found, line
    return datetime.strptime(" ".join(found.groups()), "%d %b %Y %H:%M")


@pytest.mark.usefixtures("far_from_utc")
def test_a_colleagues_edit_after_issue_is_a_conflict_naming_them_in_local_time(
    db: Database, issued: tuple[dict[str, int], Path], colleague: Database
) -> None:
    """Sam rewords 1.2 on the server after the return went out: the preview names Sam and
    the time of the change on this computer's clock, and merging keeps the lead's update out
    of the plan while 1.1, untouched, takes the lead's."""
    action, police = issued
    started = datetime.now().replace(second=0, microsecond=0)
    reworded = replace(action_draft(colleague, action["1.2"]), text="Makesafe training, phase 2")
    edit_action(colleague, action["1.2"], reworded)
    finished = datetime.now()
    fill_in(police, 2, "Green", "In progress", "25 businesses signed up")
    fill_in(police, 3, "Red", "Delayed", "Trainer off sick", "no trainer")

    [preview] = preview_returns(db, [police], as_of=AS_OF)
    assert [change.kind for change in preview.changes] == ["change", "conflict"]
    line = preview.changes[1].describe()
    assert line.startswith(
        f"CONFLICT 1.2 Makesafe training, phase 2: {COLLEAGUE} changed this action on "
    )
    assert ", after the return was sent, so it was left as it is" in line
    assert started <= _shown_moment(line) <= finished

    [applied] = apply_returns(db, [police], as_of=AS_OF)
    assert [change.kind for change in applied.changes] == ["recorded", "conflict"]
    assert history(db, action["1.2"]) == []
    assert action_draft(db, action["1.2"]).text == "Makesafe training, phase 2"
    assert [update.text for update in history(db, action["1.1"])] == ["25 businesses signed up"]


def test_progress_a_colleague_records_after_issue_is_a_conflict_naming_them(
    db: Database, issued: tuple[dict[str, int], Path], colleague: Database
) -> None:
    """Sam records progress on 1.1 after the return went out: the lead's RAG and words are
    left out, and the preview says Sam changed the action."""
    action, police = issued
    sams = ProgressEntry(action["1.1"], date(2025, 11, 27), Rag.RED, Status.DELAYED, "Paused")
    record_progress(colleague, replace(sams, author=COLLEAGUE, reason="funding paused"))
    fill_in(police, 2, "Green", "In progress", "25 businesses signed up")

    [applied] = apply_returns(db, [police], as_of=AS_OF)
    [conflict, _unchanged] = applied.changes
    assert conflict.kind == "conflict"
    assert f": {COLLEAGUE} changed this action on " in conflict.describe()
    assert [update.text for update in history(db, action["1.1"])] == ["Paused"]


def test_a_reorder_or_a_form_saved_unchanged_after_issue_is_no_conflict(
    db: Database, issued: tuple[dict[str, int], Path], colleague: Database
) -> None:
    """Sam moves 1.2 above 1.1 and saves 1.1's form without changing it: both actions' versions
    moved on, but nothing the lead was asked about did, so both updates are recorded."""
    action, police = issued
    before = {ref: action_draft(db, action[ref]).version for ref in ("1.1", "1.2")}
    assert move_action(colleague, action["1.2"], -1)
    edit_action(colleague, action["1.1"], action_draft(colleague, action["1.1"]))
    after = {ref: action_draft(db, action[ref]).version for ref in ("1.1", "1.2")}
    assert all(after[ref] > before[ref] for ref in before)  # both were written since issue
    fill_in(police, 2, "Green", "In progress", "25 businesses signed up")
    fill_in(police, 3, "Green", "In progress", "Trainer booked")

    [applied] = apply_returns(db, [police], as_of=AS_OF)
    assert [change.kind for change in applied.changes] == ["recorded", "recorded"]
    assert [update.author for update in history(db, action["1.2"])] == ["Police"]


def _hidden_rows(book: object) -> list[tuple[int, int]]:
    """The hidden sheet's rows of actions, as (sheet row, action id)."""
    sheet = book["_return"]  # type: ignore[index]
    return [
        (row[0].row, int(row[0].value))
        for row in sheet.iter_rows()
        if isinstance(row[0].value, int | float)
    ]


def test_a_return_whose_signed_version_was_edited_is_refused_whole(
    db: Database, issued: tuple[dict[str, int], Path], colleague: Database
) -> None:
    """After Sam's edit to 1.2 the lead types 1.2's new version into the hidden sheet to push
    their update over Sam's: the return no longer matches its signature; nothing is recorded."""
    action, police = issued
    reworded = replace(action_draft(colleague, action["1.2"]), text="Makesafe training, phase 2")
    edit_action(colleague, action["1.2"], reworded)
    fill_in(police, 2, "Green", "In progress", "25 businesses signed up")
    fill_in(police, 3, "Red", "Delayed", "Trainer off sick", "no trainer")
    book = load_workbook(police)
    [place] = [row for row, action_id in _hidden_rows(book) if action_id == action["1.2"]]
    book["_return"].cell(place, 6).value = action_draft(db, action["1.2"]).version
    book.save(police)

    [report] = apply_returns(db, [police], as_of=AS_OF)
    assert report.error == (
        "'Return - Police.xlsx' does not carry this database's signature, so it cannot be "
        "merged; send Police a fresh return."
    )
    assert history(db, action["1.1"]) == history(db, action["1.2"]) == []


def test_a_return_dressed_as_one_issued_before_versions_is_refused_whole(
    db: Database, issued: tuple[dict[str, int], Path]
) -> None:
    """The versions cut out of the hidden sheet and the return marked as the older kind: the
    database knows it issued versions, so the return is refused and nothing recorded."""
    action, police = issued
    fill_in(police, 2, "Green", "In progress", "25 businesses signed up")
    book = load_workbook(police)
    _as_older_kind(book)
    book.save(police)

    [report] = apply_returns(db, [police], as_of=AS_OF)
    assert "does not carry this database's signature" in report.error
    assert history(db, action["1.1"]) == []


def _as_older_kind(book: object) -> list[list[int]]:
    """Turn a return into the kind issued before versions were kept (format 2: no row version
    column in the hidden sheet); returns each row's [sheet row, action id, revision]."""
    sheet = book["_return"]  # type: ignore[index]
    sheet.delete_cols(6)
    sheet["B2"] = 2
    return [
        [int(row[1].value), int(row[0].value), int(row[2].value)]
        for row in sheet.iter_rows()
        if isinstance(row[0].value, int | float)
    ]


def _signed_as_before(target: str, book: object, entries: list[list[int]]) -> None:
    """Sign the return with the database's key exactly as returns were signed before versions
    were kept, written out here so the older kind's signature stays pinned."""
    [(key,)] = column_values(target, "SELECT value FROM database_secret WHERE name = 'returns'")
    sheet = book["_return"]  # type: ignore[index]
    facts = {row[0].value: row[1] for row in sheet.iter_rows() if isinstance(row[0].value, str)}
    signed = [int(facts[name].value) for name in ("return_id", "plan_id", "lead_id")]
    message = json.dumps([*signed, facts["issued_on"].value, entries])
    digest = hmac.new(bytes(key), message.encode("utf-8"), hashlib.sha256)  # type: ignore[arg-type]
    facts["signature"].value = digest.hexdigest()


def test_a_return_issued_before_versions_were_kept_still_merges_after_the_upgrade(
    db: Database, issued: tuple[dict[str, int], Path]
) -> None:
    """A return issued when the database was at the schema before versions, in that older
    kind, is merged after the upgrade by its revisions: 1.1 saved unchanged since takes the
    lead's update, 1.2 reworded since is a conflict naming who reworded it."""
    action, police = issued
    db.close()
    set_back_to(db.target, BEFORE_VERSIONS)
    assert column_values(db.target, "SELECT count(*) FROM issued_return_action") == [(2,)]
    book = load_workbook(police)
    _signed_as_before(db.target, book, _as_older_kind(book))
    book.save(police)

    upgrade_schema(db.target)
    upgraded = Database.open(db.target, user=COLLEAGUE)
    try:
        edit_action(upgraded, action["1.1"], action_draft(upgraded, action["1.1"]))
        reworded = replace(action_draft(upgraded, action["1.2"]), text="Makesafe, phase 2")
        edit_action(upgraded, action["1.2"], reworded)
        fill_in(police, 2, "Green", "In progress", "25 businesses signed up")
        fill_in(police, 3, "Red", "Delayed", "Trainer off sick", "no trainer")
        [applied] = apply_returns(upgraded, [police], as_of=AS_OF)
        [update] = history(upgraded, action["1.1"])
        assert history(upgraded, action["1.2"]) == []
    finally:
        upgraded.close()
    assert not applied.error
    assert [change.kind for change in applied.changes] == ["recorded", "conflict"]
    assert f"{COLLEAGUE} changed this action on " in applied.changes[1].describe()
    assert (update.author, update.text) == ("Police", "25 businesses signed up")
