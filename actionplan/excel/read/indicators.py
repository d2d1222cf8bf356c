"""An indicators sheet (one row per indicator, one column per year or quarter) as Measures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from actionplan.domain.measures import parse_direction, parse_number
from actionplan.domain.plan_data import ComparatorData, MeasureData, ReadingData
from actionplan.domain.timescale import TimescaleKind, parse_timescale
from actionplan.excel.read.cell_values import cell_text, is_blank, number_text, one_line
from actionplan.excel.read.column_mapping import SheetMapping
from actionplan.excel.read.grid import CellValue, Grid
from actionplan.excel.read.headers import HEADER_SEARCH_ROWS, RowMatch, match_row
from actionplan.excel.read.import_report import SheetReport
from actionplan.excel.read.synonyms import normalise_header

_WORDS: dict[str, tuple[str, ...]] = {
    "indicator": (
        "indicator", "indicators", "measure", "measures", "performance indicator",
        "performance indicators", "kpi", "kpis", "key performance indicator", "metric",
        "metrics", "measure of impact", "impact measure", "performance measure", "dataset",
        "indicator name", "measure name", "description",
    ),
    "unit": ("unit", "units", "unit of measure", "format", "measure type"),
    "direction": (
        "direction", "better when", "good is", "polarity", "better if", "good performance is",
        "higher or lower is better", "is higher better", "desired direction", "good direction",
    ),
    "baseline": ("baseline", "base line", "baseline value", "starting point"),
    "target": ("target", "targets", "target value", "goal", "ambition"),
    "priority": ("priority", "priority area", "key priority area"),
}  # fmt: skip
_LOOKUP = {word: name for name, words in _WORDS.items() for word in words}
# Benchmarks printed beside a partnership's own figures: comparators, never readings.
_COMPARATOR_WORDS = frozenset(
    {
        "statistical neighbours", "statistical neighbour", "statistical neighbour average",
        "stat neighbours", "stat neighbour", "sn", "sn average", "similar areas",
        "england", "england average", "all england", "national", "national average",
        "london", "london average", "inner london", "outer london", "regional",
        "regional average", "region", "comparator", "benchmark", "north west", "north east",
        "south east", "south west", "west midlands", "east midlands", "east of england",
        "yorkshire and the humber", "yorkshire and humber", "core cities", "wales",
    }
)  # fmt: skip
_PERIOD_KINDS = {
    TimescaleKind.YEAR,
    TimescaleKind.FINANCIAL_YEAR,
    TimescaleKind.QUARTER,
    TimescaleKind.MONTH,
    TimescaleKind.MONTH_RANGE,
    TimescaleKind.DATE,
}


@dataclass(frozen=True)
class Period:
    """A reading column: its label as written and the day its period ends (when known)."""

    column: int  # 0-based
    label: str
    end: date | None


def indicator_field(header: str) -> tuple[str | None, bool]:
    """The field an indicators-sheet heading names, or (None, False)."""
    name = _LOOKUP.get(normalise_header(header))
    return name, name is not None


def period_of(value: CellValue) -> tuple[str, date | None] | None:
    """A heading read as a period ("2021-22", "Q1 2025/26", a year or a date), or None."""
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return day.isoformat(), day
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value == int(value) and 1990 <= value <= 2100:
            return number_text(float(value)), date(int(value), 12, 31)
        return None
    text = one_line(cell_text(value))
    if not text or len(text) > 40 or normalise_header(text) in _LOOKUP:
        return None
    timescale = parse_timescale(text)
    if timescale.kind in _PERIOD_KINDS and (
        timescale.due or timescale.kind is TimescaleKind.QUARTER
    ):
        return text, timescale.due
    return None


@dataclass(frozen=True)
class Benchmark:
    """A comparator column: its name as headed, and the period it is for when the heading says."""

    column: int  # 0-based
    name: str
    period_label: str = ""


def comparator_of(value: CellValue) -> Benchmark | None:
    """A heading read as a comparator ("England", "London 2019/20"), or None."""
    text = one_line(cell_text(value))
    if normalise_header(text) in _COMPARATOR_WORDS:
        return Benchmark(0, text)
    name, _space, tail = text.rpartition(" ")
    if name and normalise_header(name) in _COMPARATOR_WORDS and period_of(tail) is not None:
        return Benchmark(0, name.strip(), tail)
    return None


def comparators(cells: Sequence[CellValue], taken: set[int]) -> list[Benchmark]:
    """The comparator columns of a header row, among the columns not otherwise used."""
    found = []
    for column, value in enumerate(cells):
        if column + 1 not in taken and (benchmark := comparator_of(value)) is not None:
            found.append(Benchmark(column, benchmark.name, benchmark.period_label))
    return found


def periods(cells: Sequence[CellValue], mapped: set[int]) -> list[Period]:
    """The reading columns of a header row: every unmapped heading that names a period."""
    found = []
    for column, value in enumerate(cells):
        if column + 1 not in mapped and (period := period_of(value)) is not None:
            found.append(Period(column, period[0], period[1]))
    return found


def indicators_mapping(grid: Grid) -> SheetMapping | None:
    """The mapping of a sheet of indicators with readings by period, or None."""
    best: tuple[int, RowMatch] | None = None
    for row, cells in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        match = match_row(cells, indicator_field, {}, row)
        if "indicator" not in match.columns:
            continue
        found = periods(cells, set(match.columns.values()))
        score = len(match.columns) + len(found)
        if found and (best is None or score > best[0]):
            best = (score, match)
    if best is None:
        return None
    match = best[1]
    cells = grid.rows[match.row]
    found = periods(cells, set(match.columns.values()))
    readings = tuple(period.column + 1 for period in found)
    benchmarks = comparators(cells, set(match.columns.values()) | set(readings))
    return SheetMapping(
        grid.name,
        "indicators",
        match.row + 1,
        match.columns,
        match.headers,
        readings,
        tuple(benchmark.column + 1 for benchmark in benchmarks),
    )


def read_indicators(
    grid: Grid, mapping: SheetMapping, report: SheetReport
) -> list[tuple[MeasureData, str]]:
    """Each indicator row as a Measure with its readings, and the priority it names (or "")."""
    header = grid.rows[mapping.header_row - 1] if mapping.header_row <= len(grid.rows) else []
    columns = {name: column - 1 for name, column in mapping.columns.items()}
    reading_columns = [
        Period(
            column - 1, *(period_of(header[column - 1]) or (cell_text(header[column - 1]), None))
        )
        for column in mapping.readings
        if column <= len(header)
    ]
    benchmarks = _benchmarks(header, mapping.comparators)
    found = []
    for index in range(mapping.header_row, len(grid.rows)):
        name = one_line(cell_text(grid.value(index, columns["indicator"])))
        if name:
            measure = _measure(grid, index, name, columns, reading_columns)
            measure.comparators = _compared(grid, index, benchmarks)
            found.append((measure, one_line(cell_text(_get(grid, index, columns, "priority")))))
    report.counts["measures"] = len(found)
    report.counts["readings"] = sum(len(measure.readings) for measure, _ in found)
    if benchmarks:
        report.counts["comparators"] = sum(len(measure.comparators) for measure, _ in found)
    return found


def _benchmarks(header: Sequence[CellValue], columns: Sequence[int]) -> list[Benchmark]:
    # A column chosen as a comparator keeps its heading as the name, whatever it says.
    found = []
    for column in columns:
        value = header[column - 1] if column <= len(header) else None
        benchmark = comparator_of(value) or Benchmark(0, one_line(cell_text(value)))
        found.append(Benchmark(column - 1, benchmark.name, benchmark.period_label))
    return found


def _compared(grid: Grid, index: int, benchmarks: list[Benchmark]) -> list[ComparatorData]:
    return [
        ComparatorData(b.name, b.period_label, parse_number(value), cell_text(value))
        for b in benchmarks
        if not is_blank(value := grid.value(index, b.column))
    ]


def _get(grid: Grid, index: int, columns: dict[str, int], name: str) -> CellValue:
    return grid.value(index, columns[name]) if name in columns else None


def _measure(
    grid: Grid, index: int, name: str, columns: dict[str, int], reading_columns: list[Period]
) -> MeasureData:
    direction_raw = cell_text(_get(grid, index, columns, "direction"))
    baseline = _get(grid, index, columns, "baseline")
    target = _get(grid, index, columns, "target")
    readings = [
        ReadingData(period.label, parse_number(value), cell_text(value), period.end)
        for period in reading_columns
        if not is_blank(value := grid.value(index, period.column))
    ]
    return MeasureData(
        name=name,
        unit=cell_text(_get(grid, index, columns, "unit")),
        direction=parse_direction(direction_raw).value,
        direction_raw=direction_raw,
        baseline=parse_number(baseline),
        baseline_raw=cell_text(baseline),
        target=parse_number(target),
        target_raw=cell_text(target),
        readings=readings,
    )
