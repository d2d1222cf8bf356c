"""Every word a partnership wrote in its workbook reaches the board pack and the window."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.services.exporting import export_tracker
from actionplan.services.importing import import_workbook, preview_import
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.report import make_report
from actionplan.services.views import NarrativeData
from actionplan.store.database import Database
from tests.excel.import_books import BUSINESS_SAMPLE, PRIORITIES_SAMPLE, book
from tests.excel.word_books import (
    AIM,
    CHAMPION,
    COMPARATORS,
    HOW_WE_KNOW,
    MEASURES,
    NARRATIVES,
    OUTCOMES,
    measures_book,
    narrative_book,
    words_book,
)
from tests.pdf_helpers import pdf_text, squeeze

AS_OF = date(2025, 3, 31)


def test_pack_prints_how_we_know_outcomes_aim_and_champion(db: Database, tmp_path: Path) -> None:
    """The board reads every how-we-know, every outcome, the aim and the champion as typed."""
    import_workbook(db, words_book(tmp_path / "plan.xlsx"))
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    for words in (*HOW_WE_KNOW, *OUTCOMES, AIM, CHAMPION):
        assert squeeze(words) in text, words


def test_measure_comparators_are_imported_apart_from_readings(db: Database, tmp_path: Path) -> None:
    """Each period is a reading and each comparator a comparator of that measure, kept apart."""
    result = import_workbook(db, measures_book(tmp_path / "plan.xlsx"))
    stored = load_plan_data(db, result.plan_id)
    first = stored.measures[0]
    assert [(r.period_label, r.value) for r in first.readings] == [
        ("2018/19", 21.5),
        ("2019/20", 18.25),
    ]
    assert [(c.name, c.value) for c in first.comparators] == [
        ("Statistical neighbours", 19.75),
        ("London", 16.5),
        ("England", 22.625),
    ]
    assert stored == result.preview.plan


def _in_row(text: str, name: str, figures: tuple[object, ...]) -> bool:
    """Whether the measure's row prints these figures side by side in this order (a percentage
    sign after a figure allowed), shortly after its name."""
    shown = r"\s".join(
        re.escape(f"{f:g}" if isinstance(f, float | int) else str(f)) + "%?" for f in figures
    )
    return re.search(re.escape(squeeze(name)) + r"\s.{0,60}?" + shown, text) is not None


def test_pack_prints_every_comparator_beside_its_measure(db: Database, tmp_path: Path) -> None:
    """The impact table has a column per comparator, each measure's figure in it, as the
    measures sheet had it."""
    import_workbook(db, measures_book(tmp_path / "plan.xlsx"))
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    assert "2018/19 2019/20 Change " + " ".join(COMPARATORS) in text
    for name, *_values, sn, london, england, _change in MEASURES:
        assert _in_row(text, name, (sn, london, england)), name


def test_tracker_shows_comparators_and_reads_them_back(db: Database, tmp_path: Path) -> None:
    """The tracker's Measures sheet has a Compared with column, and its import keeps them."""
    first = import_workbook(db, measures_book(tmp_path / "plan.xlsx"))
    out = export_tracker(db, tmp_path / "tracker.xlsx", as_of=AS_OF).path
    sheet = load_workbook(out)["Measures"]
    headings = [cell.value for cell in sheet[1]]
    compared = [row[headings.index("Compared with")] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in compared] == [
        "Statistical neighbours 19.75 · London 16.5 · England 22.625",
        "Statistical neighbours 21.125 · London 19.375 · England 22",
    ]
    again = import_workbook(db, out)
    assert load_plan_data(db, again.plan_id).measures == load_plan_data(db, first.plan_id).measures


def test_a_narrative_sheet_is_attached_to_the_priorities_it_names(
    db: Database, tmp_path: Path
) -> None:
    """Each row of a narrative sheet becomes that priority's narrative for its period; a row
    naming no priority of the plan is reported, not dropped silently."""
    stray = ("Online safety", "2020/21", "Held an e-safety week", "", "", "")
    result = import_workbook(db, narrative_book(tmp_path / "plan.xlsx", stray))
    [neglect] = load_plan_data(db, result.plan_id).priorities
    assert neglect.narratives == [NarrativeData(*n[1:]) for n in NARRATIVES]
    lines = "\n".join(result.preview.lines())
    assert "Sheet 'Annex narrative': narrative" in lines
    assert "'Online safety'" in lines and "Held an e-safety week" in lines


def test_pack_prints_every_period_of_narrative(db: Database, tmp_path: Path) -> None:
    """The priority's page prints the narrative of each period the workbook held."""
    import_workbook(db, narrative_book(tmp_path / "plan.xlsx"))
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    for narrative in NARRATIVES:
        for words in narrative[1:]:
            assert squeeze(words) in text, words


def test_business_sample_pack_prints_its_annex_and_performance_table(
    db: Database, tmp_path: Path
) -> None:
    """Every narrative of the sample's annex and every comparator of its performance table is
    in the board pack, read from the workbook itself."""
    wb = load_workbook(BUSINESS_SAMPLE)
    annex = list(wb["Annual Report Annex"].iter_rows(min_row=2, values_only=True))
    performance = list(wb["Performance"].iter_rows(values_only=True))
    import_workbook(db, BUSINESS_SAMPLE)
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    for row in annex:
        for words in row[1:]:
            assert squeeze(str(words)) in text, words
    assert " ".join(performance[0][2:4]) + " Change " + " ".join(performance[0][4:7]) in text
    for row in performance[1:]:
        assert _in_row(text, str(row[0]), tuple(row[2:4])), row
        assert _in_row(text, str(row[0]), tuple(row[4:7])), row


def test_preview_names_every_column_and_sheet_left_unused(tmp_path: Path) -> None:
    """A headed column not read, a column of words with no heading and a sheet not read each
    get a line in the preview, by name."""
    path = book(
        tmp_path / "tracker.xlsx",
        {
            "Actions": [
                ["Ref", "Action", "Lead", "Budget code", None],
                ["1.1", "Train staff", "Police", "BC-114", "ask finance"],
                ["1.2", "Audit cases", "Health", None, None],
            ],
            "Phone list": [["Name", "Number"], ["Amira", "020 7946 0001"]],
        },
    )
    lines = preview_import(path).lines()
    assert "  Not used: 'Budget code' (column D); column E (no heading)" in lines
    assert "Sheet 'Phone list': skipped (no row of headings with an Action column)" in lines


WALSALL_STORY = (
    "Graded Care Profile training is booked for every school",
    "Health visitors use the profile at every new birth visit",
    "Neglect is named sooner in referrals from health",
)


@pytest.mark.parametrize(
    ("header", "fields"),
    [
        (
            ("Priority", "Intention", "Still to do", "Implementation", "Impact"),
            ("next_steps", "done", "impact"),
        ),
        (
            ("Priority", "Action", "What has been done", "Analysis of progress", "Impact of work"),
            ("done", "analysis", "impact"),
        ),
    ],
    ids=["intention", "annex-columns"],
)
def test_narrative_columns_on_an_action_sheet_become_the_priority_narrative(
    db: Database, tmp_path: Path, header: tuple[str, ...], fields: tuple[str, ...]
) -> None:
    """Narrative columns merged down a priority's block are that priority's narrative: the
    actions keep their own words and the pack prints every narrative word."""
    path = book(
        tmp_path / "plan.xlsx",
        {
            "Plan": [
                list(header),
                ["Neglect", "Embed the Graded Care Profile", *WALSALL_STORY],
                [None, "Audit neglect cases"],
            ]
        },
    )
    wb = load_workbook(path)
    for column in ("A", "C", "D", "E"):
        wb["Plan"].merge_cells(f"{column}2:{column}3")
    wb.save(path)
    result = import_workbook(db, path)
    [neglect] = load_plan_data(db, result.plan_id).priorities
    assert [a.text for a in neglect.actions] == [
        "Embed the Graded Care Profile",
        "Audit neglect cases",
    ]
    [story] = neglect.narratives
    assert [getattr(story, name) for name in fields] == list(WALSALL_STORY)
    assert all(not action.updates for action in neglect.actions)
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    assert all(squeeze(words) in text for words in WALSALL_STORY)


def test_priorities_sample_pack_prints_every_how_we_know_aim_and_champion(
    db: Database, tmp_path: Path
) -> None:
    """Every how-we-know of the sample's actions, every measure row, every aim and every
    champion is in the board pack as the workbook wrote it."""
    result = import_workbook(db, PRIORITIES_SAMPLE)
    plan = load_plan_data(db, result.plan_id)
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    words = [p.aim for p in plan.priorities] + [p.champion for p in plan.priorities]
    words += [a.how_we_know for p in plan.priorities for a in p.actions if a.how_we_know]
    words += [m.name for p in plan.priorities for m in p.measures]
    assert len(words) > 40
    missing = [w for w in words if squeeze(w) not in text]
    assert not missing


def test_an_outcome_with_no_actions_yet_is_kept_and_printed(db: Database, tmp_path: Path) -> None:
    """An outcome row with no action under it is still one of the priority's outcomes, and
    the priority's page lists every outcome."""
    path = book(
        tmp_path / "plan.xlsx",
        {
            "Plan": [
                ["Priority", "Outcome", "Action", "Lead"],
                ["Neglect", OUTCOMES[0], "Train staff in the toolkit", "LSCP"],
                ["Neglect", OUTCOMES[1], None, None],
            ]
        },
    )
    result = import_workbook(db, path)
    [neglect] = load_plan_data(db, result.plan_id).priorities
    assert neglect.outcomes == list(OUTCOMES)
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    assert f"Outcomes 1. {OUTCOMES[0]} 2. {OUTCOMES[1]}" in text
