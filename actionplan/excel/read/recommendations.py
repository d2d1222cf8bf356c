"""Reading a recommendations workbook: Review | Recommendation | Response | Action | Lead |
Due | Status, headings matched on meaning, on whichever sheet carries them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from actionplan.excel.errors import WorkbookError, quoted
from actionplan.excel.opening.safety import open_source
from actionplan.excel.read.grid import CellValue, Grid, load_grids
from actionplan.excel.read.headers import RowMatch, find_header
from actionplan.excel.read.synonyms import normalise_header

MAX_RECOMMENDATIONS = 5_000  # far more than any partnership's register

_WORDS: dict[str, tuple[str, ...]] = {
    "review": (
        "review", "reviews", "review name", "source", "source of recommendation", "cspr",
        "practice review", "review audit or inspection", "review audit inspection", "case",
        "learning review", "review title", "from",
    ),
    "review_type": ("type", "review type", "type of review", "kind", "source type"),
    "review_date": (
        "review date", "date of review", "date published", "published", "publication date",
        "date",
    ),
    "recommendation": (
        "recommendation", "recommendations", "recommendation text", "finding", "findings",
        "learning", "what the review asked", "recommendation made",
    ),
    "response": (
        "response", "partnership response", "our response", "management response",
        "agreed response", "response to recommendation",
    ),
    "action": (
        "action", "actions", "action taken", "linked action", "linked actions", "action ref",
        "what we will do", "action plan", "actions agreed",
    ),
    "lead": ("lead", "leads", "who", "responsible", "owner", "lead officer", "lead agency"),
    "due": (
        "due", "due date", "by when", "when", "timescale", "target date", "deadline",
        "completion date",
    ),
    "status": ("status", "progress", "rag", "current status"),
}  # fmt: skip
_LOOKUP = {normalise_header(word): name for name, words in _WORDS.items() for word in words}


@dataclass(frozen=True)
class ActionCell:
    """An action named on a recommendation's row: its words (or ref), lead, due and status."""

    text: str
    lead: str = ""
    due: str = ""
    status: str = ""
    row: int = 0  # 1-based row of the sheet


@dataclass
class ReadRecommendation:
    """One recommendation as the workbook gave it, every cell's words kept."""

    review: str
    text: str
    row: int  # 1-based row of the sheet
    review_type: str = ""
    review_date: date | None = None
    review_date_raw: str = ""
    response: str = ""
    actions: list[ActionCell] = field(default_factory=list)


@dataclass(frozen=True)
class ReadRegister:
    """What the workbook held: its sheet, the columns found and the recommendations."""

    sheet: str
    columns: dict[str, str]  # field -> the heading as written
    recommendations: list[ReadRecommendation]


def read_recommendations(path: Path) -> ReadRegister:
    """Read a recommendations workbook; raises WorkbookError (one sentence) when it holds none."""
    book = open_source(path)
    for grid in load_grids(book):
        header = find_header(grid, _field_of, _accept)
        if header is not None:
            return _register(grid, header, quoted(book.name))
    raise WorkbookError(
        f"{quoted(book.name)} has no sheet with Review and Recommendation columns, so no "
        "recommendations were read."
    )


def _field_of(heading: str) -> tuple[str | None, bool]:
    name = _LOOKUP.get(normalise_header(heading))
    return name, name is not None


def _accept(match: RowMatch) -> bool:
    return "review" in match.columns and "recommendation" in match.columns


def _register(grid: Grid, header: RowMatch, name: str) -> ReadRegister:
    found: list[ReadRecommendation] = []
    last: ReadRecommendation | None = None
    for index in range(header.row + 1, len(grid.rows)):
        cells = {key: grid.value(index, column - 1) for key, column in header.columns.items()}
        last = _take_row(cells, index + 1, last, found)
        if len(found) > MAX_RECOMMENDATIONS:
            raise WorkbookError(
                f"{name} holds more than {MAX_RECOMMENDATIONS:,} recommendations on sheet "
                f"{quoted(grid.name)}, too many for a register, so none were read."
            )
    if not found:
        raise WorkbookError(
            f"{name} has Review and Recommendation columns on sheet {quoted(grid.name)} "
            "but no recommendation under them."
        )
    columns = {key: header.headers[column] for key, column in header.columns.items()}
    return ReadRegister(grid.name, columns, found)


def _take_row(
    cells: dict[str, CellValue],
    row: int,
    last: ReadRecommendation | None,
    found: list[ReadRecommendation],
) -> ReadRecommendation | None:
    words = {key: _text(value) for key, value in cells.items()}
    action = _action(words, row)
    if not words.get("recommendation"):
        # A row with only an action carries on the recommendation above it (merged cells).
        if action is not None and last is not None:
            last.actions.append(action)
        return last
    review = words.get("review") or (last.review if last else "")
    made = ReadRecommendation(review=review, text=words["recommendation"], row=row)
    made.response = words.get("response", "")
    made.review_type = words.get("review_type") or (last.review_type if last else "")
    _date(made, cells.get("review_date"), last)
    if action is not None:
        made.actions.append(action)
    found.append(made)
    return made


def _date(made: ReadRecommendation, value: CellValue, last: ReadRecommendation | None) -> None:
    if isinstance(value, datetime):
        made.review_date, made.review_date_raw = value.date(), value.date().isoformat()
    elif isinstance(value, date):
        made.review_date, made.review_date_raw = value, value.isoformat()
    elif _text(value):
        made.review_date_raw = _text(value)
    elif last is not None and last.review == made.review:
        made.review_date, made.review_date_raw = last.review_date, last.review_date_raw


def _action(words: dict[str, str], row: int) -> ActionCell | None:
    text = words.get("action", "")
    if not text:
        return None
    return ActionCell(
        text, words.get("lead", ""), words.get("due", ""), words.get("status", ""), row
    )


def _text(value: CellValue) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value).strip()
