"""The update round driven in the window: start, drop the returns on, merge, undo, chase, close."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.gui.main_window import MainWindow
from actionplan.gui.rounds.round_table_model import RoundTableModel
from actionplan.services.editing import plan_leads
from actionplan.services.lead_emails import set_lead_emails
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import ProgressEntry, history, record_progress
from actionplan.services.snapshots import list_snapshots
from actionplan.store.database import Database
from tests.gui.conftest import Answers
from tests.services.test_rounds import DUE, LATE, STARTED, fill_in, round_plan

Opener = Callable[[], MainWindow]


def drop_files(widget: object, paths: list[Path]) -> None:
    """Drop files onto the widget as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    widget.dropEvent(event)  # type: ignore[attr-defined]


def column(window: MainWindow, number: int) -> list[str]:
    """The words of one column of the round screen, lead by lead."""
    model = window.rounds.dialog.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_a_whole_round_in_the_window(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Four leads asked; three answer, one late and chased; merged with one approval, undone
    and redone; closed with the board's snapshot."""
    plan_id = save_plan_data(db, round_plan())
    set_lead_emails(db, {lead.id: f"{lead.name[:3].lower()}@nb.gov.uk" for lead in
                         plan_leads(db, plan_id)})  # fmt: skip
    window = open_window()
    window.workspace.set_as_of(STARTED)
    folder = tmp_path / "March board"
    window.commands.start_round_action.trigger()
    start = window.rounds.start_dialog
    assert start is not None
    assert start.chosen_leads() == ["Police", "Health", "Education", "Youth Justice"]
    start.due.setDate(DUE)
    start.board.setText("Board 20 March")
    start.message.setPlainText("Ahead of the March board, please update your actions.")
    start.folder.setText(str(folder))
    start.accept()

    dialog = window.rounds.dialog
    assert dialog.isVisible()
    assert len(list(folder.glob("*.eml"))) == 4 and len(list(folder.glob("*.xlsx"))) == 4
    assert column(window, RoundTableModel.STATE) == ["sent"] * 4
    assert column(window, RoundTableModel.EMAIL)[0] == "pol@nb.gov.uk"
    # The folder is named in the heading; its whole path is on the button that opens it.
    assert "are in the folder 'March board'." in dialog.heading.text()
    assert str(tmp_path) not in dialog.heading.text()
    assert dialog.folder_button.toolTip() == f"Open {folder}"

    returns = {lead: folder / f"Return - {lead} - Board 20 March.xlsx"
               for lead in ("Police", "Health", "Education")}  # fmt: skip
    fill_in(returns["Police"], "Red", "Delayed", "Staff shortages")
    fill_in(returns["Health"], "Amber", "In progress", "Training booked", "new date agreed")
    fill_in(returns["Education"], "Blue", "Complete", "All schools signed up")
    window.workspace.set_as_of(LATE)
    drop_files(dialog, [returns["Police"], returns["Health"], returns["Education"]])
    merge = window.rounds.merge_dialog
    assert merge is not None
    qtbot.waitUntil(merge.record_button.isEnabled, timeout=20_000)
    assert "RAG Green → Red" in merge.diff.toPlainText()
    assert column(window, RoundTableModel.STATE)[:3] == ["returned"] * 3
    police_action = window.plan_view.table_model.row_at(0).id
    assert history(db, police_action) == []  # nothing merged before approval
    merge.record_button.click()
    qtbot.waitUntil(lambda: merge.intro.text().startswith("Recorded."), timeout=20_000)
    assert [u.text for u in history(db, police_action)] == ["Staff shortages"]
    assert column(window, RoundTableModel.STATE) == ["merged"] * 3 + ["3 days late"]
    assert window.plan_view.table_model.row_at(0).rag is Rag.RED

    window.commands.undo_action.trigger()  # the whole merge, and the round's record of it
    assert history(db, police_action) == []
    assert column(window, RoundTableModel.STATE)[:3] == ["returned"] * 3
    window.commands.redo_action.trigger()
    assert column(window, RoundTableModel.STATE)[:3] == ["merged"] * 3

    dialog.chase_all_button.click()
    assert column(window, RoundTableModel.CHASED) == ["-", "-", "-", "17 Mar 2025"]
    assert (folder / "Chase - Youth Justice - Board 20 March.eml").is_file()

    answers.confirms.append(True)
    dialog.close_round_button.click()
    assert [s.name for s in list_snapshots(db, plan_id)] == ["Board 20 March"]
    assert "(closed 17 Mar 2025)" in dialog.heading.text()
    assert not dialog.collect_button.isEnabled()
    window.commands.leads_action.trigger()  # each lead's history says which rounds they answered
    leads = window.plan_edits.leads_dialog
    assert leads is not None
    shown = {leads.model.index(r, 0).data(): leads.model.index(r, leads.model.ROUNDS).data()
             for r in range(leads.model.rowCount())}  # fmt: skip
    assert shown["Police"] == "Board 20 March: answered 17 Mar 2025"
    assert shown["Youth Justice"] == "Board 20 March: not answered"
    assert shown["Probation"] == "none yet"


def test_a_return_from_another_round_dropped_on_the_screen_is_refused(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """The preview says why in one sentence, and nothing can be recorded."""
    save_plan_data(db, round_plan())
    window = open_window()
    window.workspace.set_as_of(STARTED)
    from actionplan.services.rounds import RoundStart

    march = window.rounds.begin(RoundStart(DUE, "Board 20 March"), tmp_path / "march")
    assert march is not None
    answers.confirms.append(True)
    window.rounds.dialog.close_round_button.click()
    window.workspace.set_as_of(date(2025, 6, 1))
    assert window.rounds.begin(RoundStart(date(2025, 6, 13), "Board 19 June"), tmp_path / "june")
    drop_files(window.rounds.dialog, [tmp_path / "march" / "Return - Police - Board 20 March.xlsx"])
    merge = window.rounds.merge_dialog
    assert merge is not None
    qtbot.waitUntil(lambda: "sent in the round" in merge.diff.toPlainText(), timeout=20_000)
    assert "was sent in the round 'Board 20 March', not in 'Board 19 June'" in (
        merge.diff.toPlainText()
    )
    assert not merge.record_button.isEnabled()


def test_an_email_address_typed_for_a_lead_is_kept_and_a_wrong_one_refused(
    db: Database, answers: Answers, open_window: Opener
) -> None:
    """Edit ▸ Leads and agencies…: the address is saved and undone; a bad one is one sentence
    and keeps the dialog open with all that was typed."""
    plan_id = save_plan_data(db, round_plan())
    window = open_window()
    window.commands.leads_action.trigger()
    dialog = window.plan_edits.leads_dialog
    assert dialog is not None
    model = dialog.model
    police = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Police")
    assert model.setData(model.index(police, model.EMAIL), " police.lead@northbridge.gov.uk ")
    dialog.accept()
    emails = {lead.name: lead.email for lead in plan_leads(db, plan_id)}
    assert emails["Police"] == "police.lead@northbridge.gov.uk"
    window.commands.undo_action.trigger()
    assert {lead.name: lead.email for lead in plan_leads(db, plan_id)}["Police"] == ""

    window.commands.leads_action.trigger()
    dialog = window.plan_edits.leads_dialog
    assert dialog is not None
    dialog.show()
    agency = dialog.model.index(police, dialog.model.AGENCY)
    dialog.model.setData(agency, "Northbridge Police")
    dialog.model.setData(dialog.model.index(police, dialog.model.EMAIL), "police at northbridge")
    dialog.accept()
    assert answers.said[-1][1] == (
        "'police at northbridge' is not an email address, like name@agency.gov.uk."
    )
    # The dialog stays open on the wrong address with everything typed in it, and nothing
    # is saved until the address is put right.
    assert dialog.isVisible()
    assert dialog.table.currentIndex().row() == police
    assert dialog.table.currentIndex().column() == dialog.model.EMAIL
    assert dialog.model.index(police, dialog.model.EMAIL).data() == "police at northbridge"
    assert agency.data() == "Northbridge Police"
    stored = {lead.name: (lead.agency, lead.email) for lead in plan_leads(db, plan_id)}
    assert stored["Police"] == ("", "")
    dialog.model.setData(dialog.model.index(police, dialog.model.EMAIL), "police@northbridge.uk")
    dialog.accept()
    assert not dialog.isVisible()
    stored = {lead.name: (lead.agency, lead.email) for lead in plan_leads(db, plan_id)}
    assert stored["Police"] == ("Northbridge Police", "police@northbridge.uk")


def test_collecting_a_return_overtaken_by_a_colleague_names_them_on_the_round_screen(
    qtbot: QtBot, db: Database, tmp_path: Path, answers: Answers, open_window: Opener
) -> None:
    """Sam Patel records progress on Police's action after the round went out: collecting
    Police's return shows the conflict with Sam's name, and there is nothing to record over
    Sam's update."""
    save_plan_data(db, round_plan())
    window = open_window()
    window.workspace.set_as_of(STARTED)
    from actionplan.services.rounds import RoundStart

    assert window.rounds.begin(RoundStart(DUE, "Board 20 March"), tmp_path / "march")
    police_action = window.plan_view.table_model.row_at(0).id
    colleague = Database.open(db.target, user="Sam Patel")
    try:
        sams = ProgressEntry(police_action, DUE, Rag.AMBER, Status.DELAYED, "Venue lost", "Sam")
        record_progress(colleague, replace(sams, reason="venue lost"))
    finally:
        colleague.close()
    police = tmp_path / "march" / "Return - Police - Board 20 March.xlsx"
    fill_in(police, "Red", "Delayed", "Staff shortages")
    window.workspace.set_as_of(LATE)
    drop_files(window.rounds.dialog, [police])
    merge = window.rounds.merge_dialog
    assert merge is not None
    qtbot.waitUntil(lambda: "CONFLICT" in merge.diff.toPlainText(), timeout=20_000)
    assert "CONFLICT 1.1 Action 1.1 led by Police: Sam Patel changed this action on " in (
        merge.diff.toPlainText()
    )
    assert not merge.record_button.isEnabled()  # nothing of the return can be recorded
    assert [u.text for u in history(db, police_action)] == ["Venue lost"]
