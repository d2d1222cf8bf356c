"""Reading the layouts partnerships really use: headers anywhere, headings, merges, numbering."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.update_dates import DatePrecision
from actionplan.excel.errors import WorkbookError
from actionplan.excel.read.reader import ReadResult, read_workbook
from tests.excel.import_books import book, ods, tracker, write_rows


def read(path: Path, overrides: object = None) -> ReadResult:
    """Read a test workbook."""
    return read_workbook(path, overrides)  # type: ignore[arg-type]


def test_header_found_below_title_rows_and_notes(tmp_path: Path) -> None:
    """Title, subtitle and a note above the header are skipped; the title names the plan."""
    path = book(tmp_path / "plan.xlsx", {"Plan": [
        ["Ealdham SCP Business Plan 2024/25"],
        ["Prepared for the Executive"],
        [],
        ["Note: RAG updated quarterly"],
        ["Action", "Lead officer", "By when"],
        ["Safe sleep campaign", "Health", "May 2024"],
    ]})  # fmt: skip
    result = read(path)
    assert result.report.sheets[0].header_rows == [5]
    assert result.plan.title == "Ealdham SCP Business Plan 2024/25"
    assert result.plan.partnership == "Ealdham SCP"
    assert result.plan.priorities[0].actions[0].timescale_raw == "May 2024"


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Who", "lead"), ("Lead officer", "lead"), ("Responsible", "lead"), ("Lead", "lead"),
        ("When", "timescale"), ("Timescale", "timescale"), ("By when?", "timescale"),
        ("Target date", "due_date"), ("Success measure", "how_we_know"),
        ("How will we know if we are making a difference", "how_we_know"),
        ("Outcome measure", "how_we_know"), ("RAG status", "rag"), ("R/A/G", "rag"),
        ("Progress update", "update"), ("Date of update", "update_date"),
        ("Key Priority Area", "priority"), ("Ref.", "ref"), ("Lead(s)", "lead"),
    ],
)  # fmt: skip
def test_headings_are_matched_by_meaning(tmp_path: Path, heading: str, field: str) -> None:
    """Each way of writing a heading maps to the same field."""
    path = book(tmp_path / "plan.xlsx", {"Plan": [["Action", heading], ["Do it", "x"]]})
    assert read(path).mapping.sheets[0].columns[field] == 2


def test_sheet_per_priority_without_priority_column_uses_sheet_names(tmp_path: Path) -> None:
    """Sheets with only Action/Lead/RAG become one priority each, named after the sheet."""
    header = ["Action", "Lead", "RAG"]
    path = book(tmp_path / "plan.xlsx", {
        "Neglect": [header, ["Relaunch toolkit", "Health", "G"]],
        "Domestic Abuse": [header, ["Encompass", "Police", "A"], ["IDVA", "", "R"]],
    })  # fmt: skip
    result = read(path)
    assert [p.title for p in result.plan.priorities] == ["Neglect", "Domestic Abuse"]
    assert [len(p.actions) for p in result.plan.priorities] == [1, 2]
    assert result.layout == "priorities"


def test_priority_headings_with_header_repeated_beneath(tmp_path: Path) -> None:
    """Headings with an en dash, a hyphen or a colon each start a priority."""
    path = book(tmp_path / "plan.xlsx", {"Plan": [
        ["LSCP Business Plan 2019/20"],
        ["Priority 1 – Domestic Abuse"],
        ["Outcome", "Action", "Who", "When"],
        ["Children are supported", "Roll out Encompass", "Police", "January 2020"],
        ["Priority 2 - Tackling Peer on Peer Abuse"],
        ["Outcome", "Action", "Who", "When"],
        ["Best practice", "Set up sub-group", "Chair", "Completed September 2020"],
        ["Priority 3: Voice of the Child"],
        ["Outcome", "Action", "Who", "When"],
        ["Views shape work", "Young inspectors", "Youth Council", "Ongoing"],
    ]})  # fmt: skip
    result = read(path)
    titles = [(p.number, p.title) for p in result.plan.priorities]
    assert titles == [
        ("1", "Domestic Abuse"), ("2", "Tackling Peer on Peer Abuse"), ("3", "Voice of the Child"),
    ]  # fmt: skip
    assert result.report.sheets[0].header_rows == [3, 6, 9]
    assert result.layout == "business"
    assert result.plan.priorities[1].actions[0].status is Status.COMPLETE


def merged_block_book(path: Path) -> Path:
    """One sheet: priority, aim, outcome and lead merged down a block of three rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    write_rows(ws, [
        ["Priority", "Aim", "Outcome", "Action", "Lead", "RAG"],
        ["Neglect", "Seen early", "Toolkit used", "1. Relaunch toolkit", "Neglect Group", "G"],
        [None, None, None, "2.Train health visitors", None, "A"],
        [None, None, None, "3) Audit cases", None, "R"],
        ["SEND", "Children heard", "Voice recorded", "Communication passports", "SEND Board", "B"],
    ])  # fmt: skip
    for column in "ABCE":
        ws.merge_cells(f"{column}2:{column}4")
    wb.save(path)
    return path


def test_merged_block_cells_apply_to_every_row_of_their_block(tmp_path: Path) -> None:
    """Priority, aim, outcome and lead merged down a block reach each action in it."""
    result = read(merged_block_book(tmp_path / "merged.xlsx"))
    neglect, send = result.plan.priorities
    assert (neglect.title, neglect.aim, neglect.outcomes) == (
        "Neglect", "Seen early", ["Toolkit used"],
    )  # fmt: skip
    assert [a.lead_raw for a in neglect.actions] == ["Neglect Group"] * 3
    assert [a.outcome for a in neglect.actions] == ["Toolkit used"] * 3
    assert [a.rag for a in neglect.actions] == [Rag.GREEN, Rag.AMBER, Rag.RED]
    assert len(send.actions) == 1


def test_numbered_actions_give_refs_and_keep_their_words(tmp_path: Path) -> None:
    """ "1. Relaunch", "2.Train" and "3) Audit" read as refs 1.1, 1.2, 1.3."""
    neglect = read(merged_block_book(tmp_path / "merged.xlsx")).plan.priorities[0]
    assert [(a.ref, a.text) for a in neglect.actions] == [
        ("1.1", "Relaunch toolkit"), ("1.2", "Train health visitors"), ("1.3", "Audit cases"),
    ]  # fmt: skip


def test_blank_priority_cells_carry_the_priority_down(tmp_path: Path) -> None:
    """Without merges (as in a CSV), a blank Priority cell means the one above."""
    path = book(tmp_path / "plan.xlsx", {"Plan": [
        ["Key Priority Area", "Action", "How will we know", "Lead", "RAG"],
        ["Contextual Risk", "1. Engage businesses", "1. Sites signed up", "Police", "R"],
        [None, "2. Map hotspots", "2. Maps shared", None, None],
        [None, None, "3. Fewer incidents", None, None],
        ["Under Fives", "1. Safe sleep", "1. Fewer deaths", "Health", "G"],
    ]})  # fmt: skip
    plan = read(path).plan
    assert [len(p.actions) for p in plan.priorities] == [2, 1]
    assert [m.name for m in plan.priorities[0].measures] == ["Fewer incidents"]
    assert plan.priorities[0].actions[1].how_we_know == "2. Maps shared"


def test_rows_with_only_a_lead_are_skipped_with_a_warning(tmp_path: Path) -> None:
    """A row with no action text is reported by sheet and row, not imported."""
    path = tracker(tmp_path / "t.xlsx", [
        ["1.1", "Neglect", "Relaunch", "Health", None, None, "G"],
        ["1.2", "Neglect", None, "Police", None, None, None],
    ])  # fmt: skip
    result = read(path)
    assert result.plan.action_count == 1
    assert result.report.all_warnings() == [
        "Sheet 'Actions', row 3: no action text, so the row was skipped (lead 'Police', ref '1.2')."
    ]


def test_rag_words_not_understood_are_reported_and_left_unrated(tmp_path: Path) -> None:
    """ "Purple" in a RAG cell is kept as written, unrated, with a warning naming the row."""
    path = tracker(
        tmp_path / "t.xlsx", [["1.1", "Neglect", "Relaunch", "Health", None, None, "Purple"]]
    )
    result = read(path)
    action = result.plan.priorities[0].actions[0]
    assert (action.rag, action.rag_raw) == (Rag.UNRATED, "Purple")
    assert result.report.all_warnings() == [
        "Sheet 'Actions', row 2: RAG 'Purple' not understood; left unrated."
    ]


def test_timescales_not_understood_are_kept_and_reported(tmp_path: Path) -> None:
    """ "When the funding comes" is kept word for word, with a warning."""
    path = tracker(tmp_path / "t.xlsx", [
        ["1.1", "Neglect", "Relaunch", "Health", "When the funding comes", None, "G"],
    ])  # fmt: skip
    result = read(path)
    assert result.plan.priorities[0].actions[0].timescale_raw == "When the funding comes"
    assert "timescale 'When the funding comes' not understood" in result.report.all_warnings()[0]


def test_status_column_wins_over_words_in_the_text(tmp_path: Path) -> None:
    """A Status cell is read first; without one the timescale and action words say it, and
    a word that is no status is kept as written with the status left unrecorded."""
    path = tracker(tmp_path / "t.xlsx", [
        ["1.1", "Neglect", "Relaunch", "Health", "Completed June 2025", "On hold", None],
        ["1.2", "Neglect", "Audit", "Health", "Completed June 2025", None, None],
        ["1.3", "Neglect", "Review (delayed due to COVID-19)", "Health", "2025-26", None, None],
        ["1.4", "Neglect", "Train", "Health", "2025-26", "Sort of", None],
    ])  # fmt: skip
    result = read(path)
    statuses = [a.status for a in result.plan.priorities[0].actions]
    assert statuses == [Status.DELAYED, Status.COMPLETE, Status.DELAYED, Status.NOT_RECORDED]
    assert result.plan.priorities[0].actions[3].status_raw == "Sort of"
    assert any("status 'Sort of' not understood" in w for w in result.report.all_warnings())


def test_dated_updates_inside_cells_become_progress_updates(tmp_path: Path) -> None:
    """Two notes in one cell become two updates, oldest first, with their dates as precise as
    written; with no status word anywhere the action's status stays unrecorded."""
    text = "Roll out Encompass\nUpdate 12/03/2025: 20 schools\nUpdate August 2025: 32 schools"
    path = book(tmp_path / "p.xlsx", {"Plan": [["Action", "Who"], [text, "Police"]]})
    action = read(path).plan.priorities[0].actions[0]
    assert action.text == "Roll out Encompass"
    assert [(u.update_date, u.precision, u.text) for u in action.updates] == [
        (date(2025, 3, 12), DatePrecision.DAY, "20 schools"),
        (date(2025, 8, 1), DatePrecision.MONTH, "32 schools"),
    ]
    assert action.status is Status.NOT_RECORDED


def test_update_column_with_its_date_column(tmp_path: Path) -> None:
    """Latest update and its date make one update carrying the action's RAG and status."""
    header = ("Action", "Status", "RAG", "Latest update", "Date of update")
    path = tracker(tmp_path / "t.xlsx", [
        ["Relaunch", "In progress", "A", "Half the settings trained", datetime(2025, 11, 3)],
    ], header)  # fmt: skip
    [update] = read(path).plan.priorities[0].actions[0].updates
    assert (update.update_date, update.text) == (date(2025, 11, 3), "Half the settings trained")
    assert (update.rag, update.status) == (Rag.AMBER, Status.IN_PROGRESS)


def test_undated_updates_stay_undated_with_one_warning(tmp_path: Path) -> None:
    """Updates with no date are kept with no date (never the day of the import or the day
    the file was saved); one warning lists their rows."""
    header = ("Action", "Progress comments")
    path = tracker(tmp_path / "t.xlsx", [["A", "note 1"], ["B", "note 2"], ["C", "note 3"]], header)
    result = read(path)
    updates = [a.updates for a in result.plan.priorities[0].actions]
    assert [[(u.update_date, u.text) for u in mine] for mine in updates] == [
        [(None, "note 1")],
        [(None, "note 2")],
        [(None, "note 3")],
    ]
    [warning] = result.report.all_warnings()
    assert warning == (
        "Sheet 'Actions': 3 updates have no date (rows 2-4); each is kept undated and shown as "
        '"date not given".'
    )


def test_formula_looking_text_is_kept_as_the_users_words(tmp_path: Path) -> None:
    """=HYPERLINK(…), +44…, -note and @SUM stay text, never evaluated or dropped."""
    words = ['=HYPERLINK("http://x","x")', "+44 20 7946 0321", "- awaiting reply", "@SUM(A1)"]
    path = tracker(tmp_path / "t.xlsx", [["1.1", "Neglect", w, w, None, None, None] for w in words])
    actions = read(path).plan.priorities[0].actions
    assert [a.text for a in actions] == words
    assert [a.lead_raw for a in actions] == words


def test_csv_files_are_read_like_a_tracker(tmp_path: Path) -> None:
    """A CSV (semicolon separated, Windows code page) imports with layout "csv"."""
    path = tmp_path / "plan.csv"
    text = "Ref;Priority;Action;Lead;Due date;RAG\n"
    text += "1.10;Neglect;Relaunch – toolkit;Health;31/03/2026;G\n"
    path.write_bytes(text.encode("cp1252"))
    result = read(path)
    action = result.plan.priorities[0].actions[0]
    assert (result.layout, action.ref, action.text) == ("csv", "1.10", "Relaunch – toolkit")
    assert (action.timescale_raw, action.rag) == ("31/03/2026", Rag.GREEN)


def test_hidden_sheets_are_skipped(tmp_path: Path) -> None:
    """A hidden lookup sheet is not read as part of the plan."""
    wb = Workbook()
    ws = wb.active
    write_rows(ws, [["Action", "RAG"], ["Relaunch", "G"]])
    lists = wb.create_sheet("Lists")
    write_rows(lists, [["Action", "RAG"], ["Old action", "R"]])
    lists.sheet_state = "hidden"
    wb.save(tmp_path / "h.xlsx")
    result = read(tmp_path / "h.xlsx")
    assert result.plan.action_count == 1
    assert "hidden sheet" in result.report.sheets[1].heading()


def test_a_budget_table_holds_no_plan(tmp_path: Path) -> None:
    """A workbook with no Action column is refused in one sentence naming the file."""
    path = book(tmp_path / "budget.xlsx", {"Budget": [
        ["Item", "Cost", "Agency"], ["Training", 1200, "Police"], ["Venue", 300, "Council"],
    ]})  # fmt: skip
    with pytest.raises(WorkbookError) as caught:
        read(path)
    assert str(caught.value) == (
        "'budget.xlsx' holds no action plan: no sheet has a row of headings with an Action "
        "column (such as 'Action' or 'What we will do')."
    )


def test_header_with_no_actions_under_it_is_refused(tmp_path: Path) -> None:
    """An empty template says which sheet had the headings."""
    path = book(tmp_path / "template.xlsx", {"Plan": [["Action", "Lead", "RAG"]]})
    with pytest.raises(WorkbookError, match="has action headings on 'Plan' but no actions"):
        read(path)


def test_ods_files_are_read_and_say_colours_are_not(tmp_path: Path) -> None:
    """A LibreOffice .ods imports; blank RAG cells are reported as unreadable colours."""
    path = ods(tmp_path / "plan.ods", [
        ["Ref", "Priority", "Action", "RAG"], ["1.1", "Neglect", "Relaunch", "G"],
        ["1.2", "Neglect", "Audit", ""],
    ])  # fmt: skip
    result = read(path)
    assert [a.rag for a in result.plan.priorities[0].actions] == [Rag.GREEN, Rag.UNRATED]
    assert result.report.all_warnings() == [
        "Cell colours cannot be read from a .ods file, so 1 actions with an empty RAG cell "
        "are left unrated (save it as .xlsx to keep them)."
    ]


def test_an_xlsx_saved_with_an_xls_name_is_read_by_its_content(tmp_path: Path) -> None:
    """The bytes, not the name, say what a file is."""
    path = tracker(tmp_path / "t.xlsx", [["1.1", "Neglect", "Relaunch", "Health", None, None, "G"]])
    renamed = path.rename(tmp_path / "t.xls")
    assert read(renamed).plan.action_count == 1


def test_a_key_below_the_table_is_not_a_priority(tmp_path: Path) -> None:
    """A legend in the Priority column with nothing under it is reported, not imported."""
    path = book(tmp_path / "plan.xlsx", {"Plan": [
        ["Priority", "Action", "RAG"], ["Neglect", "Relaunch", "G"], [],
        ["Key: R = off track, A = at risk, G = on track"],
    ]})  # fmt: skip
    result = read(path)
    assert [p.title for p in result.plan.priorities] == ["Neglect"]
    assert result.report.all_warnings() == [
        "Sheet 'Plan', row 4: 'Key: R = off track, A = at risk, G = on track' has no actions "
        "under it, so it is not a priority."
    ]


def test_a_measure_row_before_a_repeated_header_stays_a_measure(tmp_path: Path) -> None:
    """Only a cell at the table's left edge can be a heading over a repeated header."""
    header = ["Priority", "Action", "How will we know", "Lead"]
    path = book(tmp_path / "plan.xlsx", {"Plan": [
        header, ["Neglect", "Relaunch", "Uptake", "Health"], [None, None, "Fewer CP plans"],
        header, ["SEND", "Audit", "Audit done", "SEND Board"],
    ]})  # fmt: skip
    plan = read(path).plan
    assert [(p.title, len(p.actions)) for p in plan.priorities] == [("Neglect", 1), ("SEND", 1)]
    assert [m.name for m in plan.priorities[0].measures] == ["Fewer CP plans"]


def test_a_heading_merged_across_the_table_starts_a_priority(tmp_path: Path) -> None:
    """An unnumbered heading merged across the table is a priority even with no header under it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    write_rows(ws, [
        ["Outcome", "Action", "Who", "When"],
        ["Tackling Peer on Peer Abuse"],
        ["Best practice", "Set up the sub-group", "Chair", "June 2025"],
        ["Voice of the Child"],
        ["Views shape work", "Young inspectors", "Youth Council", "Ongoing"],
    ])  # fmt: skip
    ws.merge_cells("A2:D2")
    ws.merge_cells("A4:D4")
    wb.save(tmp_path / "plan.xlsx")
    plan = read(tmp_path / "plan.xlsx").plan
    assert [(p.title, len(p.actions)) for p in plan.priorities] == [
        ("Tackling Peer on Peer Abuse", 1), ("Voice of the Child", 1),
    ]  # fmt: skip
