"""Forged and altered update returns: each attack is refused or reported, and nothing of it
is recorded against any action.

The attacker here has the app's source and the return file, but not the database: they
change the hidden details, recompute the check the way the app's code shows, and send the
file back as a lead's return.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from actionplan.services.progress import history
from actionplan.services.returns import apply_returns, export_returns, preview_returns
from actionplan.store.database import Database
from tests.plan_helpers import fill_in, plan_with_leads
from tests.services.test_returns import AS_OF, ids


@pytest.fixture
def issued(db: Database, tmp_path: Path) -> tuple[dict[str, int], dict[str, Path]]:
    """The plan's action ids by ref, and its returns by lead."""
    from actionplan.services.plan_store import save_plan_data

    plan_id = save_plan_data(db, plan_with_leads())
    result = export_returns(db, tmp_path / "returns", as_of=AS_OF)
    files = {path.stem.removeprefix("Return - "): path for path in result.files}
    return ids(db, plan_id), files


def hidden(book: Any) -> tuple[dict[str, Any], list[Any]]:
    """The hidden details sheet's facts (name → cell) and its rows of actions."""
    sheet = book["_return"]
    facts, actions = {}, []
    for row in sheet.iter_rows():
        if isinstance(row[0].value, int | float):
            actions.append(row)
        elif row[0].value is not None and len(row) > 1:
            facts[row[0].value] = row[1]
    return facts, actions


def recompute(book: Any) -> None:
    """Recompute the return's check as a plain SHA-256 of what the file itself holds."""
    facts, actions = hidden(book)
    sheet = book["Your actions"]
    rows = [
        [
            int(row[0].value), int(row[1].value),
            sheet.cell(int(row[1].value), 1).value, sheet.cell(int(row[1].value), 3).value,
            *(cell.value for cell in row[2:5]),
        ]
        for row in actions
    ]  # fmt: skip
    plan = [int(facts["plan_id"].value), facts["plan_title"].value, facts["lead"].value]
    text = json.dumps([*plan, rows], ensure_ascii=False)
    check = facts.get("checksum") or facts["signature"]
    check.value = hashlib.sha256(text.encode("utf-8")).hexdigest()


def forge(path: Path, change: Any, *, recomputed: bool = True) -> None:
    """Open the return, make the change, recompute its check and save it."""
    book = load_workbook(path)
    change(book)
    if recomputed:
        recompute(book)
    book.save(path)


def nothing_recorded(db: Database, action: dict[str, int]) -> bool:
    """True when no action of the plan has any update."""
    return all(history(db, action_id) == [] for action_id in action.values())


def test_a_return_whose_action_id_was_changed_is_refused(
    db: Database, issued: tuple[dict[str, int], dict[str, Path]]
) -> None:
    """Police's row for 1.1 pointed at 1.3, an action Police do not lead: refused whole."""
    action, files = issued
    fill_in(files["Police"], 2, "Red", "Delayed", "Nothing done", "no budget")

    def point_elsewhere(book: Any) -> None:
        hidden(book)[1][0][0].value = action["1.3"]

    forge(files["Police"], point_elsewhere)
    [report] = apply_returns(db, [files["Police"]], as_of=AS_OF)
    assert report.error == (
        "'Return - Police.xlsx' lists other actions than the return issued to Police on "
        "1 Dec 2025, so it cannot be merged; send Police a fresh return."
    )
    assert nothing_recorded(db, action)


def test_a_return_whose_lead_was_changed_is_refused(
    db: Database, issued: tuple[dict[str, int], dict[str, Path]]
) -> None:
    """Health's return relabelled as Police's, its check recomputed: refused, naming Health."""
    action, files = issued
    fill_in(files["Health"], 2, "Red", "Delayed", "Signed as Police", "no trainer")

    def relabel(book: Any) -> None:
        hidden(book)[0]["lead"].value = "Police"
        book["Instructions"]["A1"].value = "Update return for Police"

    forge(files["Health"], relabel)
    [report] = apply_returns(db, [files["Health"]], as_of=AS_OF)
    assert report.error == (
        "'Return - Health.xlsx' names the lead 'Police', but it was issued to Health on "
        "1 Dec 2025, so it cannot be merged; send Health a fresh return."
    )
    assert nothing_recorded(db, action)


def test_a_return_with_a_recomputed_check_is_refused(
    db: Database, issued: tuple[dict[str, int], dict[str, Path]]
) -> None:
    """Rows' words swapped so the preview would name the wrong action, the check recomputed:
    without the database's key the signature cannot be made, so the return is refused."""
    action, files = issued
    fill_in(files["Police"], 2, "Green", "In progress", "All signed up")

    def swap_words(book: Any) -> None:
        sheet = book["Your actions"]
        for column in (1, 3):
            first, second = sheet.cell(2, column), sheet.cell(3, column)
            first.value, second.value = second.value, first.value

    forge(files["Police"], swap_words)
    [report] = preview_returns(db, [files["Police"]], as_of=AS_OF)
    assert report.error == (
        "'Return - Police.xlsx' does not carry this database's signature, so it cannot be "
        "merged; send Police a fresh return."
    )
    assert apply_returns(db, [files["Police"]], as_of=AS_OF)[0].error
    assert nothing_recorded(db, action)


def test_a_row_the_lead_added_is_reported_and_not_merged(
    db: Database, issued: tuple[dict[str, int], dict[str, Path]]
) -> None:
    """A row typed below the lead's actions shows as a problem; their own rows still merge."""
    action, files = issued
    fill_in(files["Police"], 2, "Green", "In progress", "25 signed up")
    fill_in(files["Police"], 4, "Green", "Complete", "Extra training delivered")

    def name_the_row(book: Any) -> None:
        book["Your actions"]["A4"].value = "1.9"
        book["Your actions"]["C4"].value = "Extra training for taxi drivers"

    forge(files["Police"], name_the_row, recomputed=False)
    [preview] = preview_returns(db, [files["Police"]], as_of=AS_OF)
    assert [change.kind for change in preview.changes] == ["change", "unchanged", "problem"]
    assert preview.changes[2].describe() == (
        "PROBLEM 1.9 Extra training for taxi drivers: row 4 was added to the return; an added "
        "row is not merged (add the action in the app if it is needed); left as it is."
    )
    assert "1 problems" in preview.heading()
    apply_returns(db, [files["Police"]], as_of=AS_OF)
    assert [update.text for update in history(db, action["1.1"])] == ["25 signed up"]
    assert history(db, action["1.3"]) == []


def test_an_edit_to_a_locked_column_is_reported_for_its_row(
    db: Database, issued: tuple[dict[str, int], dict[str, Path]]
) -> None:
    """1.1's timescale edited in the return: that row is a problem naming the column and is
    not merged; 1.2, untouched, is recorded."""
    action, files = issued
    fill_in(files["Police"], 2, "Green", "In progress", "Deadline moved, all fine")
    fill_in(files["Police"], 3, "Amber", "In progress", "Trainer booked", "trainer late")

    def move_the_deadline(book: Any) -> None:
        book["Your actions"]["D2"].value = "March 2027"

    forge(files["Police"], move_the_deadline, recomputed=False)
    [applied] = apply_returns(db, [files["Police"]], as_of=AS_OF)
    assert [change.kind for change in applied.changes] == ["problem", "recorded"]
    assert applied.changes[0].describe() == (
        "PROBLEM 1.1 Safer Spaces: sign up businesses: locked cells were changed in the return "
        "(Timescale), so the row is not merged; left as it is."
    )
    assert history(db, action["1.1"]) == []
    assert [update.text for update in history(db, action["1.2"])] == ["Trainer booked"]


def test_the_signing_key_is_in_no_file_the_app_writes(
    db: Database, issued: tuple[dict[str, int], dict[str, Path]], tmp_path: Path
) -> None:
    """Returns and the tracker carry signatures made with the key, never the key itself."""
    import base64
    import zipfile

    from actionplan.services.exporting import export_tracker

    _action, files = issued
    export_tracker(db, tmp_path / "tracker.xlsx", as_of=AS_OF)
    with db.engine.connect() as raw:
        [(key,)] = raw.execute(text("SELECT value FROM database_secret")).all()
    key = bytes(key)
    forms = [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)]
    for book in [*files.values(), tmp_path / "tracker.xlsx"]:
        with zipfile.ZipFile(book) as archive:
            for member in archive.namelist():
                content = archive.read(member)
                assert not any(form in content for form in forms), (book.name, member)
