"""Importing a partnership's own workbook as a new plan: a preview first, then one transaction.

``read_import`` is the one place a file is read into a plan; the preview and the import
both go through it. The workbook itself and the column mapping are kept with the plan, so
an export can later write back into the partnership's own layout.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from actionplan.domain.plan_data import PlanData
from actionplan.excel.errors import WorkbookError, quoted
from actionplan.excel.read.column_mapping import ColumnMapping
from actionplan.excel.read.import_report import ImportReport
from actionplan.excel.read.reader import Overrides, ReadResult, read_workbook
from actionplan.excel.tracker.own_export_import import read_own_export_import
from actionplan.excel.tracker.own_export_reader import is_own_export
from actionplan.log_words import where_it_failed
from actionplan.services.errors import ServiceError
from actionplan.services.plan_store import (
    Cancelled,
    Progress,
    SaveCancelled,
    SourceFile,
    save_plan_data,
)
from actionplan.store.database import Database, is_open_here

log = logging.getLogger(__name__)

PathLike = str | os.PathLike[str]
_BULK_GC_THRESHOLD = 50_000  # objects allocated between young collections while importing


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds and how it was read, before anything is written."""

    path: Path
    result: ReadResult

    @property
    def plan(self) -> PlanData:
        """The plan as it would be saved."""
        return self.result.plan

    @property
    def report(self) -> ImportReport:
        """Per sheet: mapping, counts, notes and warnings."""
        return self.result.report

    @property
    def mapping(self) -> ColumnMapping:
        """The column mapping used; change it and pass it back as ``overrides``."""
        return self.result.mapping

    @property
    def layout(self) -> str:
        """ "priorities", "business", "tracker" or "csv"."""
        return self.result.layout

    def lines(self) -> list[str]:
        """The preview as lines a person reads."""
        return self.report.lines()


@dataclass(frozen=True)
class ImportResult:
    """A plan imported: its id and title, and the preview it was saved from."""

    plan_id: int
    title: str
    preview: ImportPreview


@contextmanager
def _bulk_building() -> Iterator[None]:
    """Fewer garbage collections while a big plan's many small objects are built.

    Reading and saving 24,000 actions makes millions of objects that all live on; the
    collector's repeated scans of them cost about a sixth of the import's time.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _BULK_GC_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def read_import(path: PathLike, overrides: Overrides = None) -> ReadResult:
    """Read a file into a plan and its report; the one entry every import goes through."""
    path = Path(path)
    refuse_the_open_database(path)
    try:
        if not overrides and is_own_export(path):  # the app's own export: read back exactly
            return read_own_export_import(path)
        with _bulk_building():
            return read_workbook(path, overrides)
    except WorkbookError as exc:
        raise ServiceError(str(exc)) from exc
    except (ServiceError, MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a file no rule foresaw must still end in one sentence
        log.error("unexpected failure reading a workbook: %s", where_it_failed(exc))
        raise ServiceError(
            f"{quoted(path.name)} could not be imported: the reader met something it does not "
            f"understand ({type(exc).__name__}); nothing was saved."
        ) from exc


def refuse_the_open_database(path: Path) -> None:
    """Refuse, before reading a byte of it, a workbook that is the database in use."""
    if is_open_here(path):
        raise ServiceError(
            f"{quoted(path.name)} is the database actionplan is working in, not a workbook; "
            "choose the Excel file to read."
        )


def preview_import(path: PathLike, overrides: Overrides = None) -> ImportPreview:
    """Read a file and say what importing it would give; writes nothing."""
    return ImportPreview(Path(path), read_import(path, overrides))


def import_workbook(
    db: Database,
    path: PathLike,
    overrides: Overrides = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    title: str | None = None,
) -> ImportResult:
    """Import a file as a new plan in one transaction; a failure or cancel writes nothing.

    ``overrides`` is either ``--map`` style texts ("Who=lead", "Notes=ignore") or a
    ColumnMapping from a preview, possibly corrected; ``title`` names the plan.
    """
    preview = preview_import(path, overrides)
    return import_previewed(db, preview, progress, cancelled, title)


def import_previewed(
    db: Database,
    preview: ImportPreview,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    title: str | None = None,
) -> ImportResult:
    """Import what a preview read as a new plan, in one transaction."""
    if cancelled is not None and cancelled():
        raise SaveCancelled()
    plan = preview.plan
    if title is not None:
        if not title.strip():
            raise ServiceError("A plan needs a title.")
        plan = replace(plan, title=title.strip())
    result = preview.result
    content = result.content or preview.path.read_bytes()
    source = SourceFile(preview.path.name, content, result.layout, result.mapping_json())
    with _bulk_building():
        plan_id = save_plan_data(db, plan, source=source, progress=progress, cancelled=cancelled)
    return ImportResult(plan_id, plan.title, preview)
