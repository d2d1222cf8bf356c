"""Workbooks holding every kind of word a partnership writes: aims, outcomes, how-we-knows,
champions, narrative and measures with comparators, built with openpyxl in a test's tmp_path."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.excel.import_books import book

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
