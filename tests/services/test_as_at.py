"""As at a date: the pack, the summary and the tracker show the plan as it stood that evening."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.exporting import export_tracker
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.report import board_pack_data, make_report
from actionplan.services.snapshots import baseline_before, take_snapshot
from actionplan.services.summary import plan_summary
from actionplan.store.database import Database
from tests.conftest import PlanFactory
from tests.pdf_helpers import pdf_text

END_OF_MARCH, END_OF_MAY = date(2025, 3, 31), date(2025, 5, 31)
JANUARY_WORDS = "12 schools signed up to Safer Spaces"
MARCH_WORDS = "Recruitment paused while the coordinator post is vacant"
MAY_WORDS = "All 40 schools signed up and trained"
MAY_ONLY_WORDS = "First hotspot mapping meeting held with Police"


@dataclass(frozen=True)
class History:
    """The actions of a plan with updates in January, March and May."""

    schools: int
    audit: int
    hotspots: int


def _update(db: Database, action: int, day: date, rag: Rag, status: Status, words: str) -> None:
    record_progress(db, ProgressEntry(action, day, rag, status, words, reason="lead's judgement"))


def plan_with_history(db: Database, factory: PlanFactory) -> History:
    """Schools: updated January (Green), March (Amber, delayed), May (Blue, complete). Audit:
    Red, never updated. Hotspots: Amber at February's board, first updated in May (Green)."""
    priority = factory.priority("Contextual Risk")
    schools = factory.action(priority, "Sign schools up to Safer Spaces", timescale="March 2026")
    audit = factory.action(priority, "Joint audit of neglect", rag="R", timescale="March 2026")
    hotspots = factory.action(priority, "Map hotspots", rag="A", timescale="March 2026")
    _update(db, schools, date(2025, 1, 15), Rag.GREEN, Status.IN_PROGRESS, JANUARY_WORDS)
    take_snapshot(db, "Board February", None, date(2025, 2, 14))
    _update(db, schools, date(2025, 3, 10), Rag.AMBER, Status.DELAYED, MARCH_WORDS)
    take_snapshot(db, "Board April", None, date(2025, 4, 16))
    _update(db, schools, date(2025, 5, 20), Rag.BLUE, Status.COMPLETE, MAY_WORDS)
    _update(db, hotspots, date(2025, 5, 2), Rag.GREEN, Status.IN_PROGRESS, MAY_ONLY_WORDS)
    return History(schools, audit, hotspots)


def test_summary_as_at_end_of_march_counts_each_rag_as_it_stood_then(
    db: Database, factory: PlanFactory
) -> None:
    """Schools was Amber in March and Hotspots Amber at February's board; May's ratings wait."""
    plan_with_history(db, factory)
    march = plan_summary(db, None, END_OF_MARCH)
    assert march["as_of"] == "2025-03-31"
    assert march["rag"] == {"red": 1, "amber": 2, "green": 0, "blue": 0, "unrated": 0}
    assert march["by_priority"][0]["rag"] == march["rag"]
    may = plan_summary(db, None, END_OF_MAY)
    assert may["rag"] == {"red": 1, "amber": 0, "green": 1, "blue": 1, "unrated": 0}


def test_pack_as_at_end_of_march_prints_march_and_not_may(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """The March pack shows March's update and Delayed; May's words appear only in May's pack."""
    plan_with_history(db, factory)
    march = pdf_text(make_report(db, tmp_path / "march.pdf", as_of=END_OF_MARCH, appendix=True))
    assert MARCH_WORDS in march and "Delayed" in march
    assert MAY_WORDS not in march and MAY_ONLY_WORDS not in march
    may = pdf_text(make_report(db, tmp_path / "may.pdf", as_of=END_OF_MAY, appendix=True))
    assert MAY_WORDS in may and MAY_ONLY_WORDS in may


def test_pack_lines_carry_the_rag_status_and_update_of_the_day(
    db: Database, factory: PlanFactory
) -> None:
    """Each action's line as at March: its newest update by then, or what the board recorded."""
    history = plan_with_history(db, factory)
    lines = {
        line.text: line for line in board_pack_data(db, None, END_OF_MARCH).priorities[0].actions
    }
    schools = lines["Sign schools up to Safer Spaces"]
    assert (schools.rag, schools.status) == (Rag.AMBER, Status.DELAYED)
    assert (schools.latest_update, schools.latest_update_date) == (MARCH_WORDS, date(2025, 3, 10))
    hotspots = lines["Map hotspots"]
    assert hotspots.rag is Rag.AMBER and hotspots.latest_update == ""
    assert lines["Joint audit of neglect"].rag is Rag.RED
    assert history.audit  # never updated: as it stands


def test_change_since_the_last_board_compares_the_plan_as_at_the_day(
    db: Database, factory: PlanFactory
) -> None:
    """As at March the comparison is with February's board, and Schools went Green to Amber;
    May's Blue and April's board play no part."""
    plan_with_history(db, factory)
    comparison = board_pack_data(db, None, END_OF_MARCH).comparison
    assert comparison is not None
    assert comparison.name == "Board February"
    assert (comparison.better, comparison.worse) == (0, 1)
    may = board_pack_data(db, None, END_OF_MAY).comparison
    assert may is not None and may.name == "Board April"
    assert (may.better, may.worse) == (2, 0)


def _every_cell(path: Path) -> str:
    book = load_workbook(path, read_only=True)
    words = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    book.close()
    return "\n".join(words)


def test_tracker_as_at_end_of_march_leaves_out_mays_updates(
    db: Database, factory: PlanFactory, tmp_path: Path
) -> None:
    """The tracker as at March holds January's and March's updates, not May's, and Delayed."""
    plan_with_history(db, factory)
    export_tracker(db, tmp_path / "march.xlsx", as_of=END_OF_MARCH)
    march = _every_cell(tmp_path / "march.xlsx")
    assert JANUARY_WORDS in march and MARCH_WORDS in march and "Delayed" in march
    assert MAY_WORDS not in march and MAY_ONLY_WORDS not in march
    export_tracker(db, tmp_path / "may.xlsx", as_of=END_OF_MAY)
    may = _every_cell(tmp_path / "may.xlsx")
    assert MAY_WORDS in may and MAY_ONLY_WORDS in may


def test_a_snapshot_dated_in_the_past_freezes_the_plan_as_it_stood_that_day(
    db: Database, factory: PlanFactory
) -> None:
    """A board of 20 March recorded in June holds March's Amber for Schools, not May's Blue."""
    history = plan_with_history(db, factory)
    take_snapshot(db, "Board 20 March", None, date(2025, 3, 20))
    baseline = baseline_before(db, factory.plan.id, END_OF_MARCH)
    assert baseline is not None and baseline.info.name == "Board 20 March"
    assert baseline.rags[history.schools] is Rag.AMBER
    assert baseline.rags[history.hotspots] is Rag.AMBER
    assert baseline.rags[history.audit] is Rag.RED
