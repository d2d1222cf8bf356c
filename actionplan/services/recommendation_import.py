"""Importing a recommendations workbook: each row's recommendation added to the register,
its Action cell linked to an action of the plan (by ref or by its words) or made as a new
action under a priority the user picks; all of it in one transaction, or nothing."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.domain.plan_values import ActionDraft
from actionplan.domain.recommendations import RecommendationDraft, review_type_from_words
from actionplan.domain.status import Status, parse_status
from actionplan.domain.timescale import parse_timescale
from actionplan.excel.errors import WorkbookError, quoted
from actionplan.excel.read.recommendations import (
    ActionCell,
    ReadRecommendation,
    read_recommendations,
)
from actionplan.services.actions import action_rows
from actionplan.services.errors import ServiceError
from actionplan.services.importing import refuse_the_open_database
from actionplan.services.row_sentences import in_sentences
from actionplan.services.views import ActionRow
from actionplan.store import recommendations as register
from actionplan.store.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecommendationImport:
    """What an import did: recommendations added and skipped, actions linked and made."""

    added: int
    reviews: int
    linked: int
    created: int
    skipped: int = 0
    # What was written, so the window can undo the import.
    recommendation_ids: tuple[int, ...] = ()
    action_ids: tuple[int, ...] = ()

    @property
    def sentence(self) -> str:
        """One sentence saying what was imported."""
        said = (
            f"Imported {_count(self.added, 'recommendation')} from {_count(self.reviews, 'review')}"
            f", linked to {_count(self.linked, 'existing action')}"
        )
        if self.created:
            said += f" and {_count(self.created, 'new action')}"
        if self.skipped:
            kept = _count(self.skipped, "recommendation")
            said += f"; {kept} already in the register left as they were"
        return said + "."


@dataclass(frozen=True)
class ImportCheck:
    """A look at the workbook before anything is written: how many actions it names that
    the plan does not have (these need a priority to be made under)."""

    recommendations: int
    unmatched: int


def check_import(db: Database, path: Path, plan_id: int, as_of: date) -> ImportCheck:
    """Read the workbook and match its actions, writing nothing."""
    read = _read(path)
    finder = _Finder(action_rows(db, plan_id, as_of))
    unmatched = sum(finder.find(cell) is None for item in read for cell in item.actions)
    return ImportCheck(len(read), unmatched)


def import_recommendations(
    db: Database, path: Path, plan_id: int, as_of: date, priority_id: int | None = None
) -> RecommendationImport:
    """Add the workbook's recommendations; an action the plan lacks is made under
    ``priority_id``, and without one the import is refused naming the first such row."""
    read = _read(path)
    finder = _Finder(action_rows(db, plan_id, as_of))
    known = {(r.draft.review, r.draft.text) for r in register.recommendations(db)}
    items, skipped, linked, created = [], 0, 0, 0
    for item in read:
        draft = _draft(item)
        if (draft.review, draft.text) in known:
            skipped += 1
            continue
        known.add((draft.review, draft.text))
        found = [(cell, finder.find(cell)) for cell in item.actions]
        ids = tuple(action_id for _cell, action_id in found if action_id is not None)
        new = tuple(_new_action(cell, priority_id, path) for cell, got in found if got is None)
        items.append(register.NewRecommendation(draft, ids, new))
        linked, created = linked + len(ids), created + len(new)
    with in_sentences(gone={"priority": "The priority chosen for new actions no longer exists."}):
        added = register.add_recommendations(db, items)
    reviews = len({item.draft.review for item in items})
    return RecommendationImport(
        len(items), reviews, linked, created, skipped, added.recommendation_ids, added.action_ids
    )


def _read(path: Path) -> list[ReadRecommendation]:
    refuse_the_open_database(Path(path))
    try:
        return read_recommendations(Path(path)).recommendations
    except WorkbookError as exc:
        raise ServiceError(str(exc)) from exc
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a file no rule foresaw must still end in one sentence
        log.error("unexpected failure reading recommendations: %s", type(exc).__name__)
        raise ServiceError(
            f"{quoted(Path(path).name)} could not be read: the reader met something it does "
            f"not understand ({type(exc).__name__}); nothing was saved."
        ) from exc


def _draft(item: ReadRecommendation) -> RecommendationDraft:
    when = item.review_date or parse_timescale(item.review_date_raw).due
    return RecommendationDraft(
        review=item.review or "Review not named",
        text=item.text,
        review_type=review_type_from_words(item.review_type, item.review),
        review_date=when,
        response=item.response,
    )


def _new_action(cell: ActionCell, priority_id: int | None, path: Path) -> tuple[int, ActionDraft]:
    if priority_id is None:
        raise ServiceError(
            f"Row {cell.row} of {quoted(path.name)} names the action “{_short(cell.text)}”, which "
            "is not in the plan: choose a priority for new actions, or write its ref."
        )
    status = parse_status(cell.status) or Status.NOT_STARTED
    draft = ActionDraft(text=cell.text, timescale=cell.due, lead=cell.lead, status=status)
    return priority_id, draft


class _Finder:
    """The plan's actions by ref and by their words, as a cell may name them."""

    def __init__(self, rows: list[ActionRow]) -> None:
        self._by_ref = {_ref_key(row.ref): row.id for row in rows if row.ref.strip()}
        self._by_words = {_words_key(row.text): row.id for row in rows if row.text.strip()}

    def find(self, cell: ActionCell) -> int | None:
        """The id of the action the cell names, or None."""
        text = cell.text.strip()
        if _ref_key(text) in self._by_ref:
            return self._by_ref[_ref_key(text)]
        if _words_key(text) in self._by_words:
            return self._by_words[_words_key(text)]
        # "2.1 Deliver training": a ref, then the words.
        first = text.split(maxsplit=1)[0] if text else ""
        if re.fullmatch(r"[0-9A-Za-z]+([.][0-9A-Za-z]+)*[.]?", first) and any(
            c.isdigit() for c in first
        ):
            return self._by_ref.get(_ref_key(first))
        return None


def _ref_key(text: str) -> str:
    return text.strip().rstrip(".").casefold()


def _words_key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
