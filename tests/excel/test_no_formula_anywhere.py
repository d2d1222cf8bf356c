"""No formula from anyone's text, in any workbook the app writes.

A plan whose every text field starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is written out every way a user can: the tracker, each lead's update return
and the partnership's own workbook written back. Each file is then opened as Excel would
open it: no cell holds a formula, each piece of text reads back as it was typed, and the
printed headers and footers show the plan's title and marking as words, not as page codes.
"""

from __future__ import annotations

import dataclasses
import html
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.domain.plan_data import (
    ActionData,
    ComparatorData,
    LeadData,
    MeasureData,
    NarrativeData,
    PlanData,
    PriorityData,
    ReadingData,
    UpdateData,
)
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.excel.cell_safety import cell_text, is_risky
from actionplan.excel.tracker.schema import timescale_text
from actionplan.services.exporting import export_original_layout, export_tracker
from actionplan.services.importing import import_workbook
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.plan_store import save_plan_data
from actionplan.services.plans import change_plan_settings, plan_settings
from actionplan.services.progress import ProgressEntry, current_rating, history, record_progress
from actionplan.services.returns import export_returns
from actionplan.store.database import Database

AS_OF = date(2025, 3, 31)
WRITTEN_BACK_ON = date(2025, 12, 20)  # after the sample's own latest updates
SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "northbridge_tracker_2025.xlsx"
HOSTILE = ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1")
HEADER_CODES = '&"Arial"&P&D'  # page, date and font codes, if they were ever read as codes
# The only codes the app itself puts in a printed header or footer.
APP_CODES = {"&L", "&C", "&R", "&A", "&P", "&N"}


def hostile_plan(start: str) -> PlanData:
    """A plan whose every text field starts with ``start`` and says which field it is."""

    def say(field: str) -> str:
        return f"{start} {field}"

    measure = MeasureData(
        say("measure name"),
        unit=say("unit"),
        readings=[ReadingData(say("period"), 12.0)],
        comparators=[ComparatorData(say("comparator"), say("comparator period"), 10.0)],
    )
    update = UpdateData(
        date(2025, 2, 3), say("update text"), say("author"), Rag.AMBER, Status.DELAYED,
        reason=say("reason"),
    )  # fmt: skip
    action = ActionData(
        say("action text"),
        ref=say("ref"),
        leads=[LeadData(say("lead"), say("agency"))],
        timescale_raw=say("timescale"),
        status=Status.IN_PROGRESS,
        rag=Rag.GREEN,
        how_we_know=say("how we know"),
        outcome=say("outcome"),
        updates=[update],
        measures=[measure],
    )
    narrative = NarrativeData(
        say("narrative period"), say("done"), say("analysis"), say("impact"), say("next steps")
    )
    priority = PriorityData(
        say("priority title"),
        number="1",
        aim=say("aim"),
        champion=say("champion"),
        outcomes=[say("outcome")],
        actions=[action],
        narratives=[narrative],
    )
    return PlanData(
        title=say("plan title " + HEADER_CODES),
        partnership=say("partnership"),
        prepared_by=say("prepared by"),
        marking=say("marking " + HEADER_CODES),
        priorities=[priority],
    )


def typed_words(item: object, start: str) -> Iterator[str]:
    """Every piece of text in the plan that starts like a formula."""
    if isinstance(item, str):
        if item.startswith(start):
            yield item
    elif isinstance(item, list):
        for part in item:
            yield from typed_words(part, start)
    elif dataclasses.is_dataclass(item):
        for field in dataclasses.fields(item):
            yield from typed_words(getattr(item, field.name), start)


def formulas_in_xml(path: Path) -> list[str]:
    """Each formula element in the raw XML of the workbook's sheets, as ``part: formula``."""
    with zipfile.ZipFile(path) as book:
        return [
            f"{name}: {formula}"
            for name in book.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
            for formula in re.findall(r"<f[ >].*?</f>|<f/>", book.read(name).decode())
        ]


def texts_as_opened(path: Path, words: list[str]) -> list[str]:
    """The text of every cell, checking each cell on the way is text and never a formula.

    A cell starting with one of the words is also marked as typed text (Excel's quote
    prefix), so editing it in Excel later does not turn it into a formula either.
    """
    texts = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                where = f"{path.name} {sheet.title}!{cell.coordinate}"
                assert cell.data_type != "f", f"{where} is a formula: {cell.value!r}"
                text = cell_text(cell.value)
                texts.append(text)
                if any(text.startswith(word) for word in words):
                    assert cell.data_type == "s", where
                    assert cell.quotePrefix, f"{where} would turn into a formula when edited"
    return texts


def assert_every_word_reads_back(path: Path, words: list[str]) -> None:
    """No formula in the file, and each word is in some cell exactly as typed."""
    assert all(is_risky(word) for word in words), words
    assert formulas_in_xml(path) == []
    cells = texts_as_opened(path, words)
    missing = [word for word in words if not any(word in text for text in cells)]
    assert missing == [], f"{path.name} lost or changed {missing}"


def printed_headings(path: Path) -> list[str]:
    """Every header and footer of every sheet, as stored in the file."""
    found = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = book.read(name).decode()
                pattern = r"<(?:odd|even|first)(?:Header|Footer)>([^<]*)<"
                found += [html.unescape(code) for code in re.findall(pattern, xml)]
    return found


def read_heading(code: str) -> tuple[list[str], str]:
    """The codes of a header or footer as Excel reads them, and the words it prints."""
    codes, words, index = [], [], 0
    while index < len(code):
        char, following = code[index], code[index + 1 : index + 2]
        if char != "&":
            words.append(char)
            index += 1
        elif following == "&":
            words.append("&")
            index += 2
        elif following == '"':
            end = code.index('"', index + 2) + 1
            codes.append(code[index:end])
            index = end
        else:
            size = re.match(r"&\d+", code[index:])
            found = size.group() if size else code[index : index + 2]
            codes.append(found)
            index += len(found)
    return codes, "".join(words)


def assert_headings_print_as_words(path: Path, *shown: str) -> None:
    """Headers and footers use only the app's own codes, and print each text as words."""
    headings = printed_headings(path)
    assert headings, f"{path.name} has no printed header or footer"
    printed = ""
    for code in headings:
        codes, words = read_heading(code)
        assert set(codes) <= APP_CODES, f"{path.name}: {code!r} has codes {codes}"
        printed += words + "\n"
    for text in shown:
        # A header cannot hold a line break or tab; the app prints a space for them.
        assert "".join(c if c.isprintable() else " " for c in text) in printed, text


@pytest.fixture(params=HOSTILE, ids=["equals", "plus", "minus", "at", "tab", "return"])
def start(request: pytest.FixtureRequest) -> str:
    """How every text field of the plan starts."""
    return str(request.param)


def test_tracker_and_returns_hold_no_formula_from_a_plans_text(
    db: Database, tmp_path: Path, start: str
) -> None:
    """Tracker and each lead's return: every word as typed, no formula, no header code."""
    plan_id = save_plan_data(db, hostile_plan(start))
    stored = load_plan_data(db, plan_id)
    words = sorted(set(typed_words(stored, start)))
    assert len(words) >= 25  # every field kept its words on the way into the database

    tracker = export_tracker(db, tmp_path / "tracker.xlsx", as_of=AS_OF).path
    action, priority = stored.priorities[0].actions[0], stored.priorities[0]
    # The Timescale cell shows the timescale as the app reads it; the words as typed are kept
    # for re-import in a hidden cell.
    shown = [timescale_text(word) if word == action.timescale_raw else word for word in words]
    assert_every_word_reads_back(tracker, shown)
    assert_headings_print_as_words(tracker, stored.title, stored.marking.strip().upper())

    returns = export_returns(db, tmp_path / "returns", as_of=AS_OF)
    assert len(returns.files) == 1
    in_return = [stored.title, action.leads[0].name, action.ref, action.text, priority.title]
    in_return.append(action.updates[0].text)
    assert_every_word_reads_back(returns.files[0], in_return)
    assert_headings_print_as_words(returns.files[0], stored.title)


def test_written_back_workbook_holds_no_formula_from_a_plans_text(
    db: Database, tmp_path: Path, start: str
) -> None:
    """The partnership's own workbook, renamed and updated with formula-like words."""
    plan_id = import_workbook(db, SAMPLE).plan_id
    settings = plan_settings(db, plan_id)
    title = f"{start} plan title {HEADER_CODES}"
    change_plan_settings(db, plan_id, dataclasses.replace(settings, title=title))
    action_id = load_action_id(db, plan_id)
    rag, status = current_rating(db, action_id)
    words = f"{start} update text"
    entry = ProgressEntry(action_id, WRITTEN_BACK_ON, rag, status, words, f"{start} author", "")
    record_progress(db, entry)

    back = export_original_layout(db, tmp_path / "back.xlsx", as_of=WRITTEN_BACK_ON).path
    stored = history(db, action_id)[0].text  # as recorded: the words, without spaces around
    assert_every_word_reads_back(back, [stored])
    assert printed_headings(back) == printed_headings(SAMPLE)  # the workbook's own, untouched


def test_tracker_written_back_still_prints_its_title_as_words(
    db: Database, tmp_path: Path, start: str
) -> None:
    """The app's own tracker, imported elsewhere and written back: footers unchanged."""
    save_plan_data(db, hostile_plan(start))
    tracker = export_tracker(db, tmp_path / "tracker.xlsx", as_of=AS_OF).path
    other = Database.open(tmp_path / "other.db")
    try:
        plan_id = import_workbook(other, tracker).plan_id
        action_id = load_action_id(other, plan_id)
        rag, status = current_rating(other, action_id)
        words = f"{start} written back"
        record_progress(other, ProgressEntry(action_id, WRITTEN_BACK_ON, rag, status, words))
        back = export_original_layout(other, tmp_path / "back.xlsx", as_of=WRITTEN_BACK_ON).path
        assert_every_word_reads_back(back, [history(other, action_id)[0].text])
    finally:
        other.close()
    assert printed_headings(back) == printed_headings(tracker)
    assert_headings_print_as_words(back, load_plan_data(db, 1).title)


def load_action_id(db: Database, plan_id: int) -> int:
    """The id of the plan's first action, found through the views the window uses."""
    from actionplan.services.actions import action_rows

    return action_rows(db, plan_id, AS_OF)[0].id
