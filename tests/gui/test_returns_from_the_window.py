"""Update returns from the File menu: write one per lead, then merge them back after approval."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.gui.main_window import MainWindow
from actionplan.services.actions import action_rows
from actionplan.services.editing import action_draft, edit_action
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import list_plans
from actionplan.services.progress import history
from actionplan.services.returns import export_returns
from actionplan.services.snapshots import list_snapshots
from actionplan.store.database import Database
from tests.gui.conftest import Answers
from tests.plan_helpers import fill_in, plan_with_leads

Opener = Callable[[], MainWindow]


def test_returns_go_out_per_lead_and_come_back_after_approval(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """The diff is shown first; Record writes the lead's update and the table shows it."""
    save_plan_data(db, plan_with_leads("Northbridge Priorities 2030", "March 2040"))
    window = open_window()
    folder = tmp_path / "returns"
    folder.mkdir()
    answers.folders.append(folder)
    window.files.returns_action.trigger()
    task = window.files.task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished_work, timeout=20_000)
    assert task.message.text() == "Wrote 2 returns, one for each lead. 1 action has no lead."
    police = folder / "Return - Police.xlsx"
    assert sorted(p.name for p in folder.iterdir()) == ["Return - Health.xlsx", police.name]
    fill_in(police, 2, "Green", "In progress", "=25 businesses signed up <b>so far</b>")
    answers.file_lists.append([police])
    window.files.merge_action.trigger()
    dialog = window.files.merge_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.record_button.isEnabled, timeout=20_000)
    assert "RAG Amber → Green" in dialog.diff.toPlainText()
    action_id = window.plan_view.table_model.row_at(0).id
    assert history(db, action_id) == []  # nothing recorded before approval
    dialog.record_button.click()
    qtbot.waitUntil(lambda: dialog.intro.text().startswith("Recorded."), timeout=20_000)
    [update] = history(db, action_id)
    assert (update.text, update.author, update.rag) == (
        "=25 businesses signed up <b>so far</b>",
        "Police",
        Rag.GREEN,
    )
    assert window.plan_view.table_model.row_at(0).rag is Rag.GREEN
    window.commands.undo_action.trigger()  # the whole merge comes back out
    assert history(db, action_id) == []
    assert window.plan_view.table_model.row_at(0).rag is Rag.AMBER
    window.commands.redo_action.trigger()
    assert [u.text for u in history(db, action_id)] == ["=25 businesses signed up <b>so far</b>"]
    assert window.plan_view.table_model.row_at(0).rag is Rag.GREEN
    window.plan_view.select_action(action_id)
    assert "From the return issued to Police on " in window.plan_view.detail.facts.toPlainText()


def test_cancelling_every_file_menu_question_changes_nothing(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Each File menu command asked and then cancelled: no error, no dialog left, no change."""
    plan_id = save_plan_data(db, plan_with_leads("Northbridge Priorities 2030", "March 2040"))
    window = open_window()
    files_before = sorted(tmp_path.rglob("*"))
    files, databases = window.files, window.databases
    for action in (
        window.commands.new_plan_action,
        files.import_action,
        files.export_action,
        files.write_back_action,
        files.returns_action,
        files.merge_action,
        files.report_action,
        files.snapshot_action,
        databases.open_action,
        databases.backup_action,
        window.commands.whoami_action,
    ):
        action.trigger()
    assert (files.task, files.wizard, files.merge_dialog, databases.task) == (None,) * 4
    assert answers.said == []
    assert [plan.title for plan in list_plans(db)] == ["Northbridge Priorities 2030"]
    assert list_snapshots(db, plan_id) == []
    assert all(history(db, row.id) == [] for row in window.plan_view.table_model.all_rows())
    assert sorted(tmp_path.rglob("*")) == files_before


def test_the_merge_preview_names_the_colleague_who_changed_an_action_since_issue(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Sam Patel rewords 1.2 after the returns went out: the window's preview says Sam changed
    it, and when, after the return was sent; Record leaves Sam's action alone."""
    plan_id = save_plan_data(db, plan_with_leads("Northbridge Priorities 2030", "March 2040"))
    police = export_returns(db, tmp_path / "returns", leads=["Police"]).files[0]
    makesafe = next(row.id for row in action_rows(db, plan_id, date.today()) if row.ref == "1.2")
    colleague = Database.open(db.target, user="Sam Patel")
    try:
        draft = action_draft(colleague, makesafe)
        edit_action(colleague, makesafe, replace(draft, text="Makesafe training, phase 2"))
    finally:
        colleague.close()
    fill_in(police, 3, "Red", "Delayed", "Trainer off sick", "no trainer")
    window = open_window()
    answers.file_lists.append([police])
    window.files.merge_action.trigger()
    dialog = window.files.merge_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: "CONFLICT" in dialog.diff.toPlainText(), timeout=20_000)
    assert (
        "CONFLICT 1.2 Makesafe training, phase 2: Sam Patel changed this action on "
        in dialog.diff.toPlainText()
    )
    assert ", after the return was sent, so it was left as it is" in dialog.diff.toPlainText()
    assert history(db, makesafe) == []
