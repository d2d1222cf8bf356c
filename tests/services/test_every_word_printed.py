"""Every word a partnership wrote in its workbook reaches the board pack and the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.services.exporting import export_tracker
from actionplan.services.importing import import_workbook, preview_import
from actionplan.services.plan_loader import load_plan_data
from actionplan.services.report import make_report
from actionplan.store.database import Database
from tests.excel.import_books import BUSINESS_SAMPLE, book
from tests.pdf_helpers import pdf_text, squeeze

AS_OF = date(2025, 3, 31)
PLAN_HEADER = (
    "Key Priority Area",
    "Impact we aspire to achieve",
    "Outcome",
    "Action",
    "How will we know if we are making a difference",
    "Lead",
    "RAG",
)
AIM = "Children at risk of neglect are seen and helped sooner"
OUTCOMES = ("Practitioners spot neglect early", "Families get help before crisis")
HOW_WE_KNOW = (
    "Audit shows the neglect toolkit used in 8 of 10 cases",
    "Fewer repeat referrals for neglect each quarter",
    "Parents say in the survey that help came in time",
)
CHAMPION = "Dr Amira Haddad, Director of Children's Services"


def words_book(path: Path) -> Path:
    """A priorities plan with an aim, outcomes, a how-we-know per action and a champion."""
    rows = [
        list(PLAN_HEADER),
        ["Neglect", AIM, OUTCOMES[0], "Train staff in the toolkit", HOW_WE_KNOW[0], "LSCP", "G"],
        ["Neglect", AIM, OUTCOMES[1], "Launch early help hub", HOW_WE_KNOW[1], "Police", "A"],
        ["Neglect", AIM, OUTCOMES[1], "Survey parents", HOW_WE_KNOW[2], "Health", "G"],
    ]
    champions = [["Priority", "Executive champion"], ["Neglect", CHAMPION]]
    return book(path, {"Plan": rows, "Champions": champions})


def test_pack_prints_how_we_know_outcomes_aim_and_champion(db: Database, tmp_path: Path) -> None:
    """The board reads every how-we-know, every outcome, the aim and the champion as typed."""
    import_workbook(db, words_book(tmp_path / "plan.xlsx"))
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    for words in (*HOW_WE_KNOW, *OUTCOMES, AIM, CHAMPION):
        assert squeeze(words) in text, words


MEASURES_HEADER = (
    "Indicator",
    "2018/19",
    "2019/20",
    "Statistical neighbours",
    "London",
    "England",
    "Change",
)
MEASURES = (
    ("Re-referrals within 12 months (%)", 21.5, 18.25, 19.75, 16.5, 22.625, "-3.25"),
    ("Children subject to a plan for a second time (%)", 27, 24, 21.125, 19.375, 22.0, "-3"),
)
COMPARATORS = ("Statistical neighbours", "London", "England")


def measures_book(path: Path) -> Path:
    """The words plan with a measures sheet of two periods and three comparators."""
    words_book(path)
    wb = load_workbook(path)
    sheet = wb.create_sheet("Measures")
    for values in (MEASURES_HEADER, *MEASURES):
        sheet.append(list(values))
    wb.save(path)
    return path


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


def test_pack_prints_every_comparator_beside_its_measure(db: Database, tmp_path: Path) -> None:
    """The impact page names each comparator with its figure, as the measures sheet had it."""
    import_workbook(db, measures_book(tmp_path / "plan.xlsx"))
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    for name, *_values, sn, london, england, _change in MEASURES:
        assert squeeze(name) in text
        for comparator, value in zip(COMPARATORS, (sn, london, england), strict=True):
            assert f"{comparator} {value:g}" in text, (comparator, value)


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


NARRATIVE_HEADER = (
    "Priority",
    "Period",
    "What has been done",
    "Analysis of progress",
    "Impact of work",
    "Next steps",
)
NARRATIVES = (
    (
        "neglect",
        "2019/20",
        "Launched the neglect toolkit with 120 practitioners trained",
        "Take-up is slower in schools than in health",
        "Neglect cases reach a plan four weeks sooner",
        "Run a second wave of toolkit training for schools",
    ),
    (
        "Neglect ",
        "2020/21",
        "Schools joined the second wave of training",
        "All schools now have a toolkit champion",
        "Repeat referrals for neglect fell by a fifth",
        "Audit toolkit use across the partnership",
    ),
)


def narrative_book(path: Path, *extra: tuple[str, ...]) -> Path:
    """The words plan with a sheet of per-priority narrative and no Action column."""
    words_book(path)
    wb = load_workbook(path)
    sheet = wb.create_sheet("Annex narrative")
    for values in (NARRATIVE_HEADER, *NARRATIVES, *extra):
        sheet.append(list(values))
    wb.save(path)
    return path


def test_a_narrative_sheet_is_attached_to_the_priorities_it_names(
    db: Database, tmp_path: Path
) -> None:
    """Each row of a narrative sheet becomes that priority's narrative for its period; a row
    naming no priority of the plan is reported, not dropped silently."""
    stray = ("Online safety", "2020/21", "Held an e-safety week", "", "", "")
    result = import_workbook(db, narrative_book(tmp_path / "plan.xlsx", stray))
    [neglect] = load_plan_data(db, result.plan_id).priorities
    assert [tuple(vars(n).values()) for n in neglect.narratives] == [n[1:] for n in NARRATIVES]
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
    names = performance[0][4:7]
    for row in performance[1:]:
        assert squeeze(str(row[0])) in text
        for name, value in zip(names, row[4:7], strict=True):
            assert f"{name} {value:g}" in text, (name, value)


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
