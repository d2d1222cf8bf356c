"""A whole update round without the window: start, fill in, collect, merge, chase, close."""

from __future__ import annotations

import email
from datetime import date, datetime
from email.message import EmailMessage
from email.policy import default
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.domain.plan_data import ActionData, LeadData, PlanData, PriorityData
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.editing import plan_leads
from actionplan.services.errors import ServiceError
from actionplan.services.lead_emails import round_history, set_lead_emails
from actionplan.services.plan_store import save_plan_data
from actionplan.services.progress import history
from actionplan.services.report import make_report
from actionplan.services.round_progress import (
    chase,
    close,
    merge_collected,
    round_record,
    standings,
    status_table,
)
from actionplan.services.rounds import RoundStart, collect_returns, find_round, start_round
from actionplan.services.snapshots import list_snapshots
from actionplan.store.database import Database
from tests.pdf_helpers import outline_titles, page_texts, pdf_text, squeeze

STARTED = date(2025, 3, 3)
DUE = date(2025, 3, 14)
LATE = date(2025, 3, 17)
PLAN = "Northbridge Priorities Action Plan 2024-25"


def round_plan(title: str = PLAN) -> PlanData:
    """Four leads with open actions; a fifth whose only action is complete."""

    def action(ref: str, lead: str, done: bool = False) -> ActionData:
        return ActionData(
            f"Action {ref} led by {lead}", ref, [LeadData(lead)], timescale_raw="31/01/2025",
            status=Status.COMPLETE if done else Status.IN_PROGRESS,
            rag=Rag.BLUE if done else Rag.GREEN,
        )  # fmt: skip

    actions = [
        action("1.1", "Police"),
        action("1.2", "Health"),
        action("1.3", "Education"),
        action("1.4", "Youth Justice"),
        action("1.5", "Probation", done=True),
    ]
    return PlanData(
        title=title,
        prepared_by="Ana Novak",
        priorities=[PriorityData(title="Contextual Risk", number="1", actions=actions)],
    )


def started(db: Database, folder: Path, title: str = PLAN, board: str = "Board 20 March"):
    """The plan saved, every lead given an address, and a round started for the board."""
    plan_id = save_plan_data(db, round_plan(title))
    addresses = {
        lead.id: f"{lead.name.split()[0].lower()}@northbridge.gov.uk"
        for lead in plan_leads(db, plan_id)
    }
    set_lead_emails(db, addresses)
    start = RoundStart(DUE, board, "Ahead of the March board, please update your actions.",
                       reply_to="ana.novak@northbridge.gov.uk")  # fmt: skip
    return plan_id, start_round(db, start, folder, title, STARTED)


def fill_in(path: Path, rag: str, status: str, update: str, reason: str = "") -> None:
    """Fill in the return's first action as a lead would in Excel, and save it."""
    book = load_workbook(path)
    sheet = book["Your actions"]
    sheet.cell(2, 8, rag)
    sheet.cell(2, 9, status)
    sheet.cell(2, 10, update).data_type = "s"
    sheet.cell(2, 11, datetime(2025, 3, 10))
    sheet.cell(2, 12, reason).data_type = "s"
    book.save(path)


def parsed(path: Path) -> EmailMessage:
    """The .eml file as Python's email package reads it."""
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_whole_round_asks_collects_merges_chases_and_closes(db: Database, tmp_path: Path) -> None:
    """Four leads asked, three answer (one twice), one is chased, and the board gets its record."""
    folder = tmp_path / "round"
    plan_id, round_ = started(db, folder)
    assert round_.name == "Board 20 March"
    returns = sorted(folder.glob("*.xlsx"))
    assert [p.name for p in returns] == [
        "Return - Education - Board 20 March.xlsx",
        "Return - Health - Board 20 March.xlsx",
        "Return - Police - Board 20 March.xlsx",
        "Return - Youth Justice - Board 20 March.xlsx",
    ]  # Probation's only action is complete: not asked

    message = parsed(folder / "Return - Police - Board 20 March.eml")
    assert message["To"] == "police@northbridge.gov.uk"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == f"{PLAN}: your update return, due 14 Mar 2025"
    body = message.get_body(("plain",))
    assert body is not None and "Ahead of the March board" in body.get_content()
    [attached] = list(message.iter_attachments())
    assert attached.get_filename() == "Return - Police - Board 20 March.xlsx"
    sent = attached.get_content()
    assert sent == (folder / attached.get_filename()).read_bytes()
    first = load_workbook(BytesIO(sent)).worksheets[0]
    words = [cell.value for cell in first["A"] if cell.value]
    assert "Please send this return back by Friday 14 Mar 2025." in words
    assert any("ana.novak@northbridge.gov.uk" in w for w in words)
    assert "1.1 Action 1.1 led by Police: Red – overdue since 31 Jan 2025" in words

    files = {p.name.split(" - ")[1]: p for p in returns}
    fill_in(files["Police"], "Red", "Delayed", "Staff shortages", "")
    fill_in(files["Health"], "Amber", "In progress", "Training booked for April", "new date")
    fill_in(files["Education"], "Blue", "Complete", "All schools signed up")

    received = collect_returns(db, round_, [files["Police"], files["Health"]], LATE)
    assert [item.error for item in received] == ["", ""]
    assert [item.report.count("change") for item in received] == [1, 1]
    assert history(db, _id(db, plan_id, "1.1")) == []  # received, not yet merged
    merged = merge_collected(db, round_, [files["Police"], files["Health"], files["Education"]],
                             LATE)  # fmt: skip
    assert [item.report.count("recorded") for item in merged] == [1, 1, 1]
    [update] = history(db, _id(db, plan_id, "1.1"))
    assert (update.author, update.text, update.rag) == ("Police", "Staff shortages", Rag.RED)

    # The same return collected and merged again records nothing twice.
    collect_returns(db, round_, [files["Police"]], date(2025, 3, 18))
    merge_collected(db, round_, [files["Police"]], date(2025, 3, 18))
    assert len(history(db, _id(db, plan_id, "1.1"))) == 1
    police = next(s.lead for s in standings(db, round_, LATE) if s.lead.lead_name == "Police")
    assert (police.returned_on, police.merged_on, police.updated) == (LATE, LATE, 1)

    late = [s for s in standings(db, round_, LATE) if s.days_late]
    assert [(s.lead.lead_name, s.state) for s in late] == [("Youth Justice", "3 days late")]
    [drafted] = chase(db, round_, as_of=LATE)
    chased = parsed(drafted)
    assert chased["To"] == "youth@northbridge.gov.uk"
    chase_body = chased.get_body(("plain",))
    assert chase_body is not None
    assert "Your update for the Board 20 March is now 3 days late" in chase_body.get_content()
    assert [a.get_filename() for a in chased.iter_attachments()] == [
        "Return - Youth Justice - Board 20 March.xlsx"
    ]
    table = status_table(db, round_, LATE)
    assert table[0][:4] == ["Lead", "Email", "Sent", "Returned"]
    assert ["Youth Justice", "youth@northbridge.gov.uk", "3 Mar 2025", "-", "-", "-",
            "17 Mar 2025", "3 days late"] in table  # fmt: skip

    close(db, find_round(db, PLAN), date(2025, 3, 19))
    assert [s.name for s in list_snapshots(db, plan_id)] == ["Board 20 March"]
    record = round_record(db, find_round(db, PLAN))
    assert record.headline == "Updates received from 3 of 4 leads; not received: Youth Justice."
    assert record.chased == [("Youth Justice", LATE)]

    pack = make_report(db, tmp_path / "pack.pdf", PLAN, date(2025, 3, 20))
    annex = page_texts(pack)[-1]
    assert "Annex: update round for the Board 20 March" in annex
    assert "Updates received from 3 of 4 leads; not received: Youth Justice." in squeeze(annex)
    assert "Annex: update round" in outline_titles(pack)
    assert len([t for t in page_texts(pack) if "Updates received from" in t]) == 1  # one page
    earlier = make_report(db, tmp_path / "before.pdf", PLAN, date(2025, 3, 18))
    assert "Updates received from" not in pdf_text(earlier)  # the round had not closed yet


def test_a_return_from_another_round_or_plan_is_refused_in_one_sentence(
    db: Database, tmp_path: Path
) -> None:
    """A March return is not collected in June's round, nor another plan's in this one."""
    plan_id, march = started(db, tmp_path / "march")
    march_police = tmp_path / "march" / "Return - Police - Board 20 March.xlsx"
    fill_in(march_police, "Red", "Delayed", "Staff shortages")
    close(db, march, date(2025, 3, 19))
    june = start_round(db, RoundStart(date(2025, 6, 13), "Board 19 June"), tmp_path / "june",
                       PLAN, date(2025, 6, 1))  # fmt: skip
    [item] = collect_returns(db, june, [march_police], date(2025, 6, 2))
    assert item.error == (
        "'Return - Police - Board 20 March.xlsx' was sent in the round 'Board 20 March', "
        "not in 'Board 19 June', so it cannot be collected in it."
    )
    _other, _other_round = started(db, tmp_path / "other", "Southfield Plan 2024-25", "Board 2")
    other = tmp_path / "other" / "Return - Police - Board 2.xlsx"
    [refused] = merge_collected(db, june, [other], date(2025, 6, 2))
    assert refused.error == (
        "'Return - Police - Board 2.xlsx' is a return for the plan 'Southfield Plan 2024-25', "
        f"not for '{PLAN}'."
    )
    assert all(s.lead.returned_on is None for s in standings(db, june, date(2025, 6, 2)))
    police_history = round_history(db, plan_id)["police"]
    assert police_history == "Board 20 March: not answered; Board 19 June: not answered"


def test_a_second_open_round_and_a_bad_address_are_refused(db: Database, tmp_path: Path) -> None:
    """One round at a time per plan; an email address must be one address."""
    plan_id, _round = started(db, tmp_path / "round")
    with pytest.raises(ServiceError, match="still open; close it before starting another"):
        start_round(db, RoundStart(date(2025, 6, 13), "June"), tmp_path / "june", PLAN, STARTED)
    lead = plan_leads(db, plan_id)[0]
    with pytest.raises(ServiceError, match="is not an email address"):
        set_lead_emails(db, {lead.id: "police@x.org\nBcc: everyone@x.org"})


def _id(db: Database, plan_id: int, ref: str) -> int:
    return next(row.id for row in action_rows(db, plan_id, LATE) if row.ref == ref)


def test_a_workbook_with_a_lead_email_column_gives_each_lead_their_address(
    db: Database, tmp_path: Path
) -> None:
    """One address for one lead, one per lead in order; a count that does not match is not
    guessed; the tracker export carries them back."""
    from openpyxl import Workbook

    from actionplan.services.exporting import export_tracker
    from actionplan.services.importing import import_workbook
    from actionplan.services.plan_loader import load_plan_data

    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Priority", "Action", "Lead", "Lead email", "Due date", "RAG"])
    sheet.append(["1.1", "Neglect", "Toolkit", "Police", "pol@nb.gov.uk", "31/03/2026", "G"])
    sheet.append(["1.2", "Neglect", "Audit", "Health; Łódź Team", "h@nb.nhs.uk; lodz@nb.pl",
                  "31/03/2026", "A"])  # fmt: skip
    sheet.append(["1.3", "Neglect", "Survey", "Schools; Colleges", "one@nb.gov.uk",
                  "31/03/2026", "A"])  # fmt: skip
    path = tmp_path / "plan.xlsx"
    book.save(path)
    plan_id = import_workbook(db, path).plan_id
    leads = {lead.name: lead.email for lead in plan_leads(db, plan_id)}
    assert leads == {"Police": "pol@nb.gov.uk", "Health": "h@nb.nhs.uk",
                     "Łódź Team": "lodz@nb.pl", "Schools": "", "Colleges": ""}  # fmt: skip
    out = tmp_path / "tracker.xlsx"
    export_tracker(db, out, as_of=LATE)
    again = import_workbook(db, out).plan_id
    assert load_plan_data(db, again).priorities == load_plan_data(db, plan_id).priorities


def test_names_and_words_of_any_script_or_shape_reach_the_email_and_return_as_typed(
    db: Database, tmp_path: Path
) -> None:
    """A lead called "Łódź <Team> & Co", a plan title in Arabic, a message starting "=":
    the file names are safe, the email says them as typed, the return holds them as text."""
    title = "خطة العمل 2025 – Łódź"
    plan = round_plan(title)
    plan.priorities[0].actions[0].leads = [LeadData("Łódź <Team> & Co")]
    plan_id = save_plan_data(db, plan)
    lead = next(v for v in plan_leads(db, plan_id) if v.name.startswith("Łódź"))
    set_lead_emails(db, {lead.id: "lodz@nb.pl"})
    start = RoundStart(DUE, "Board: 20/03", '=HYPERLINK("http://x")\nBcc: all@x.org')
    start_round(db, start, tmp_path, title, STARTED)
    [eml] = tmp_path.glob("Return - Łódź*.eml")
    assert eml.name == "Return - Łódź -Team- & Co - Board- 20-03.eml"
    message = parsed(eml)
    assert (message["To"], message["Bcc"]) == ("lodz@nb.pl", None)
    assert message["Subject"] == f"{title}: your update return, due 14 Mar 2025"
    body = message.get_body(("plain",))
    assert body is not None
    assert '=HYPERLINK("http://x")\r\nBcc: all@x.org' in body.get_content()  # words in the body
    first = load_workbook(eml.with_suffix(".xlsx")).worksheets[0]
    assert first["A1"].value == "Update return for Łódź <Team> & Co"
    with pytest.raises(ServiceError, match="is not an email address"):
        start_round(db, RoundStart(DUE, "Other", reply_to="me@x.org\r\nBcc: all@x.org"),
                    tmp_path / "other", title, STARTED)  # fmt: skip
