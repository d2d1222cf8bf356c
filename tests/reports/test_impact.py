"""The impact section as a board member reads it: years side by side, the change and trend,
comparators, a small trend line inside its frame, and measures written in words as text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from actionplan.domain.measures import Direction
from actionplan.reports.board_pack_data import (
    BoardPackData,
    ComparatorFigure,
    MeasureLine,
    Reading,
)
from actionplan.reports.impact import impact_section
from actionplan.reports.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    TABLE_SIZE,
)
from actionplan.services.importing import import_workbook
from actionplan.services.report import board_pack_data, make_report
from actionplan.store.database import Database
from tests.excel.import_books import BUSINESS_SAMPLE
from tests.pdf_helpers import folded, page_texts
from tests.reports.test_board_pack import pack, render

AS_OF = date(2025, 3, 31)
TRACKER_SAMPLE = BUSINESS_SAMPLE.with_name("northbridge_tracker_2025.xlsx")
BODY_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM


def measure(name: str = "Re-referrals", *values: float | None, **fields: Any) -> MeasureLine:
    """A measure with yearly readings from 2021-22 on (the values given, in order)."""
    years = ["2021-22", "2022-23", "2023-24", "2024-25", "2025-26", "2026-27"]
    readings = tuple(Reading(y, v) for y, v in zip(years, values, strict=False))
    given: dict[str, Any] = {
        "unit": "%",
        "direction": Direction.NONE,
        "baseline": None,
        "target": None,
        "readings": readings,
    }
    given.update(fields)
    return MeasureLine(name=name, **given)


def impact_text(tmp_path: Path, *measures: MeasureLine, **fields: Any) -> str:
    """The words of the impact page(s) of a pack holding these measures."""
    pages = page_texts(render(tmp_path, pack(measures=measures, **fields)))
    start = next(i for i, p in enumerate(pages) if " Impact " in f" {p} ")
    return " ".join(pages[start : start + 2])


def story_height(data: BoardPackData) -> float:
    """How tall the impact section stands on the page, in points."""
    return sum(f.wrap(FRAME_WIDTH, BODY_HEIGHT)[1] for f in impact_section(data))


# --- Years side by side, change and trend -------------------------------------------------


def test_business_plan_sample_prints_both_years_change_and_comparators_side_by_side(
    db: Database, tmp_path: Path
) -> None:
    """The sample's Performance sheet prints as one table: 2023/24 | 2024/25 | Change and a
    column per comparator, every figure in its row, and no baseline dash anywhere."""
    import_workbook(db, BUSINESS_SAMPLE)
    pages = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    [impact] = [p for p in pages if "How we know we are making a difference" in p]
    assert "Measure 2023/24 2024/25 Change Statistical neighbours London England" in impact
    rows = [
        "Re-referrals to children's social care within 12 months 18.4% 16.1% −2.3 pts 19.2% "
        "16.9% 21.4%",
        "Children subject to a CP plan for a second or subsequent time 22.3% 18.7% −3.6 pts "
        "21% 19.1% 23.8%",
        "Children in need per 10,000 children 331.5 318.2 −13.3 342 335.6 342.7",
        "Child protection plans per 10,000 children 41 38.6 −2.4 40.2 35.8 41.6",
        "Single assessments completed within 45 working days 84.1% 88.7% +4.6 pts 85.3% 82.9% "
        "82.1%",
    ]
    for row in rows:
        assert row in impact, row
    assert "–" not in impact.split("How we know", 1)[1]
    assert "Baseline" not in impact and "Not enough readings" not in impact


def test_business_plan_impact_takes_well_under_a_page_and_the_tracker_about_one(
    db: Database,
) -> None:
    """Five measures of two years take under half a page; the tracker's six quarterly
    measures with baselines and targets fit on one page."""
    import_workbook(db, BUSINESS_SAMPLE, title="Business")
    import_workbook(db, TRACKER_SAMPLE, title="Tracker")
    business = board_pack_data(db, "Business", AS_OF)
    tracker = board_pack_data(db, "Tracker", AS_OF)
    assert len(business.measures) == 5 and len(tracker.measures) == 6
    assert story_height(business) < BODY_HEIGHT / 2
    assert story_height(tracker) < BODY_HEIGHT


def test_tracker_quarters_stay_in_one_table_with_a_missing_quarter_left_blank(
    db: Database, tmp_path: Path
) -> None:
    """Every quarter gets a column beside the baseline; a measure with no Q2 reading sits in
    the same table with its Q2 left blank, its change taken from Q1."""
    import_workbook(db, TRACKER_SAMPLE)
    pages = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    [impact] = [p for p in pages if "How we know we are making a difference" in p]
    assert impact.count("Measure Baseline Q1 2025/26 Q2 2025/26 Q3 2025/26 Change Trend") == 1
    assert "Children missing 3 or more times in the quarter lower is better 38 35 29 −6 better" in (
        impact
    )
    assert "% of ICPCs held within 15 working days higher is better 91.3% 92% 94.1% 96.2% " in (
        impact
    )


@pytest.mark.parametrize(
    ("direction", "previous", "latest", "shown"),
    [
        (Direction.HIGHER, 70.0, 75.0, "+5.0 pts better"),
        (Direction.HIGHER, 75.0, 70.0, "−5.0 pts worse"),
        (Direction.LOWER, 20.0, 16.0, "−4.0 pts better"),
        (Direction.LOWER, 16.0, 20.0, "+4.0 pts worse"),
        (Direction.LOWER, 16.0, 16.0, "0.0 pts no change"),
        (Direction.HIGHER, -3.0, -5.5, "−3% −5.5% −2.5 pts worse"),
    ],
)
def test_change_and_trend_word_follow_which_way_is_better(
    tmp_path: Path, direction: Direction, previous: float, latest: float, shown: str
) -> None:
    """The change is latest minus previous with its sign; the trend word says whether that is
    better or worse for this measure."""
    text = impact_text(tmp_path, measure("Re-referrals", previous, latest, direction=direction))
    assert "Measure 2021-22 2022-23 Change Trend Re-referrals" in text
    assert shown in text


def test_a_count_changes_by_a_whole_number_and_no_direction_prints_no_trend_word(
    tmp_path: Path,
) -> None:
    """A count moves "+12"; with no direction stated there is no Trend column at all."""
    text = impact_text(tmp_path, measure("Early help assessments", 100, 112, unit="Number"))
    assert "Measure 2021-22 2022-23 Change Early help assessments 100 112 +12" in text
    assert "Trend" not in text.split("Change", 1)[1].split("Early help", 1)[0]
    assert "better" not in text and "worse" not in text


def test_a_measure_in_weeks_gives_its_unit_with_the_change(tmp_path: Path) -> None:
    """Figures without a percentage sign say their unit once under the name and with the
    change."""
    text = impact_text(
        tmp_path, measure("Wait for CAMHS", 14.5, 12, unit="Weeks", direction=Direction.LOWER)
    )
    assert "Wait for CAMHS figures in weeks · lower is better 14.5 12 −2.5 weeks better" in text


def test_a_baseline_and_one_reading_sit_side_by_side_with_the_change_since_baseline(
    tmp_path: Path,
) -> None:
    """A new measure with a baseline and its first reading shows both, labelled, and the
    change measured from the baseline."""
    first = measure("Return interviews", 84, direction=Direction.HIGHER, baseline=80, target=90)
    text = impact_text(tmp_path, first)
    assert "Measure Baseline 2021-22 Change Trend Target" in text
    assert (
        "Return interviews higher is better 80% 84% +4.0 pts since baseline better 90% not met"
        in (text)
    )


def test_more_than_four_years_show_the_latest_four_and_name_the_earlier(tmp_path: Path) -> None:
    """Six years of readings: the latest four get columns, the two before are in a note."""
    text = impact_text(tmp_path, measure("Re-referrals", 21, 19.5, 18, 17, 16.5, 15))
    assert "Measure 2023-24 2024-25 2025-26 2026-27 Change" in text
    assert "earlier readings: 2021-22 21%, 2022-23 19.5%" in text
    assert "18% 17% 16.5% 15% −1.5 pts" in text


def test_four_years_keep_their_columns_and_a_baseline_goes_under_the_name(
    tmp_path: Path,
) -> None:
    """With a target and a trend word beside four years there is no room for a baseline
    column too: every year keeps its column and the baseline is named under the measure."""
    schools = measure(
        "Schools notified", 48, 71, 92, 100,
        direction=Direction.HIGHER, baseline=40, target=100, priority_title="Priority 3",
    )  # fmt: skip
    text = impact_text(tmp_path, schools)
    assert "Measure 2021-22 2022-23 2023-24 2024-25 Change Trend Target" in text
    assert "Schools notified Priority 3 · higher is better · baseline 40% 48% 71% 92% 100%" in text


def test_comparators_of_another_year_say_their_year(tmp_path: Path) -> None:
    """A comparator from an earlier year than the latest reading carries that year."""
    england = ComparatorFigure("England", "2023-24", 22.6, "22.6")
    london = ComparatorFigure("London", "2024-25", 17.0, "17")
    text = impact_text(tmp_path, measure("Re-referrals", 19, 18, comparators=(england, london)))
    assert "Change England London Re-referrals 19% 18% −1.0 pts 22.6% 2023-24 17%" in text


def test_more_comparators_than_fit_are_named_under_the_measure(tmp_path: Path) -> None:
    """Six comparators would squeeze the name: they are listed under it instead."""
    names = ["Statistical neighbours", "London", "England", "Inner London", "Outer", "Region"]
    figures = tuple(ComparatorFigure(n, "", 20.0 + i, str(20 + i)) for i, n in enumerate(names))
    text = impact_text(tmp_path, measure("Re-referrals", 19, 18, comparators=figures))
    assert "Measure 2021-22 2022-23 Change Re-referrals" in text
    assert (
        "compared with: Statistical neighbours 20, London 21, England 22, Inner London 23, "
        "Outer 24, Region 25"
    ) in text


def test_measures_of_different_periods_print_in_separate_tables(tmp_path: Path) -> None:
    """Yearly and quarterly measures do not share columns."""
    yearly = measure("Re-referrals", 19, 18)
    quarterly = MeasureLine(
        "Visits on time", "%", Direction.HIGHER, None, None,
        (Reading("Q1", 80), Reading("Q2", 85)),
    )  # fmt: skip
    text = impact_text(tmp_path, yearly, quarterly)
    assert "Measure 2021-22 2022-23 Change Re-referrals" in text
    assert "Measure Q1 Q2 Change Trend Visits on time" in text


# --- Measures in words and packs with none ------------------------------------------------


def test_statements_without_figures_print_as_text_not_rows_of_dashes(tmp_path: Path) -> None:
    """A measure with no figure at all is listed in words under "Measured in words"."""
    words = MeasureLine(
        "Children tell us they feel safer", "", Direction.NONE, None, None,
        (Reading("2024-25", None),), "Priority 1: Neglect",
    )  # fmt: skip
    text = impact_text(tmp_path, measure("Re-referrals", 19, 18), words)
    assert "Measured in words • Children tell us they feel safer Priority 1: Neglect" in text
    table = text.split("Measured in words", 1)[0]
    assert "Children tell us" not in table and "–" not in table


def tracker_with_words(path: Path) -> Path:
    """The tracker sample with a measure in words and a figure missing as "n/a"."""
    wb = load_workbook(TRACKER_SAMPLE)
    sheet = wb["Indicators"]
    sheet.append(["Children tell us they feel safer", "", "", "not collected", "Most say so"])
    sheet.cell(sheet.max_row, 6).value, sheet.cell(sheet.max_row, 8).value = "Some", "Most"
    sheet.append(["Waiting times", "Weeks", "Lower", 12, 8, 11, "n/a", 9])
    wb.save(path)
    return path


def test_words_typed_for_readings_baseline_and_target_are_printed_as_typed(
    db: Database, tmp_path: Path
) -> None:
    """A measure whose readings are words lists them under "Measured in words"; a reading of
    "n/a" among figures prints as "n/a" in its column, not as a dash."""
    import_workbook(db, tracker_with_words(tmp_path / "tracker.xlsx"))
    pages = page_texts(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    [impact] = [p for p in pages if "How we know we are making a difference" in p]
    assert (
        "Measured in words • Children tell us they feel safer baseline: not collected · "
        "Q1 2025/26: Some · Q3 2025/26: Most · target: Most say so"
    ) in impact
    assert "Waiting times figures in weeks · lower is better 12 11 n/a 9 −2 weeks better 8" in (
        impact
    )


def test_a_one_priority_pack_does_not_repeat_the_priority_under_each_measure(
    tmp_path: Path,
) -> None:
    """The pack is about one priority already: its measures do not name it again."""
    owned = measure("Re-referrals", 19, 18, priority_title="Priority 1: Neglect")
    data = pack(measures=(owned,))
    data = replace(data, cover=replace(data.cover, priority_filter="Priority 1: Neglect"))
    pages = page_texts(render(tmp_path, data))
    [impact] = [p for p in pages if "How we know" in p]
    assert "Re-referrals 19% 18% −1.0 pts" in impact


def test_a_one_priority_pack_says_how_many_measures_the_plan_has(tmp_path: Path) -> None:
    """The chosen priority has no measures but the plan has three: the pack says so."""
    text = impact_text(tmp_path, plan_measures=3)
    assert "The plan has 3 measures; none belongs to this priority." in text
    assert "No measures of impact are recorded" not in text


def test_a_plan_without_measures_says_so_in_one_plain_sentence(tmp_path: Path) -> None:
    """No table, no dashes: one sentence."""
    text = impact_text(tmp_path)
    assert "Impact The plan records no measures of impact." in text


def test_fewer_than_two_readings_draw_no_line_and_print_no_placeholder(tmp_path: Path) -> None:
    """One reading: no trend line, no key to the lines, and no "Not enough readings"."""
    text = impact_text(tmp_path, measure("Re-referrals", 18, target=15, direction=Direction.LOWER))
    assert "Re-referrals lower is better 18% 15% not met" in text
    assert "Not enough readings" not in text and "The small line" not in text


# --- Text size and hostile names ----------------------------------------------------------


def test_impact_text_is_never_smaller_than_table_size(tmp_path: Path) -> None:
    """Every word of the impact page is at least 8.5 pt, in DejaVu Sans, never condensed."""
    two = measure("Re-referrals", 19, 18, direction=Direction.LOWER, baseline=20, target=15)
    pdf = render(tmp_path, pack(measures=(two,)))
    page = next(p for p in PdfReader(pdf).pages if "How we know" in (p.extract_text() or ""))
    sizes: list[tuple[float, str]] = []

    def seen(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip() and font is not None:
            sizes.append((size * abs(tm[3]) * abs(cm[3]), str(font.get("/BaseFont"))))

    page.extract_text(visitor_text=seen)
    assert sizes and min(s for s, _ in sizes) >= TABLE_SIZE - 0.01
    assert all("DejaVuSans" in f and "Condensed" not in f for _, f in sizes)


HOSTILE = [
    "<b>Bold?</b> & </para> <font size=40>big</font>",
    "الأطفال الذين يشعرون بالأمان في المدرسة",
    "Repeat referrals " + "very " * 400,
]


@pytest.mark.parametrize("name", HOSTILE, ids=["markup", "arabic", "2000-characters"])
def test_hostile_measure_names_print_as_typed(tmp_path: Path, name: str) -> None:
    """A measure's name prints literally in its table row and in full in the list of words;
    its figures still line up beside it."""
    figures = measure(name, 19, 18, comparators=(ComparatorFigure("England", "", 3.0, "3"),))
    words = MeasureLine(name, "", Direction.NONE, None, None)
    text = folded(impact_text(tmp_path, figures, words))
    listed = text.split("Measured in words", 1)[1]
    table = text.split("Measured in words", 1)[0]
    for word in dict.fromkeys(name.split()):
        assert folded(word) in table and folded(word) in listed, word
    if len(name) > 1000:
        assert "(shortened here; the whole text is in the plan)" in table
        assert " ".join(name.split()) in listed
    assert "19% 18% −1.0 pts 3%" in table
