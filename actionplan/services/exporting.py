"""Exporting a plan to Excel: the tracker workbook, or the plan written back into its own layout.

Every file is written beside its target under a temporary name and renamed into place
at the end, so a failure or a cancel never leaves half a file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from actionplan.domain.plan_data import ActionData, PlanData
from actionplan.domain.wording import counted
from actionplan.excel.cell_safety import MAX_CELL_TEXT, CellTextTooLong
from actionplan.excel.errors import WorkbookError
from actionplan.excel.tracker.writer import WriteCancelled, write_tracker
from actionplan.excel.write_back.baseline import imported_actions
from actionplan.excel.write_back.layout import WriteBackError, read_mapping
from actionplan.excel.write_back.writer import WrittenBack, write_back
from actionplan.services.as_at import plan_as_at
from actionplan.services.errors import ServiceError
from actionplan.services.plan_loader import load_plan
from actionplan.services.plans import chosen_plan
from actionplan.store.database import Database
from actionplan.store.plan_sources import KeptSource, actions_updated_since, latest_source

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ExportResult:
    """What was written: the file, the plan, how many actions, and notes for the user."""

    path: Path
    plan_title: str
    actions: int
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanForExport:
    """A stored plan, whole, with each action's id in plan order."""

    plan_id: int
    data: PlanData
    action_ids: list[int]


def load_for_export(db: Database, plan_name: str | None = None) -> PlanForExport:
    """The plan named (or the one added last) as plain values, ready for a writer."""
    stored = load_plan(db, chosen_plan(db, plan_name).id)
    return PlanForExport(stored.plan_id, stored.data, stored.action_ids)


def export_tracker(
    db: Database,
    out: Path,
    plan_name: str | None = None,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    replace: bool = False,
) -> ExportResult:
    """Write the plan as the tracker workbook (Summary, Actions, Measures, Updates, Priorities).

    Given ``as_of``, the plan as it stood at the end of that day, later updates left out;
    without, the whole plan, judged overdue and stale as of today.
    """
    out = check_target(out, replace=replace)
    plan = load_for_export(db, plan_name)
    when = as_of or date.today()
    # Without a day asked for, every update is written, even one dated ahead by mistake.
    data = (
        plan.data
        if as_of is None
        else plan_as_at(db, plan.plan_id, plan.data, plan.action_ids, as_of)
    )

    def write(path: Path) -> None:
        write_tracker(data, path, when, progress=progress, cancelled=cancelled)

    write_atomically(out, write, replace=replace)
    return ExportResult(out, plan.data.title, plan.data.action_count)


def export_original_layout(
    db: Database,
    out: Path,
    plan_name: str | None = None,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    replace: bool = False,
) -> ExportResult:
    """Write the plan back into the workbook it was imported from, in that workbook's layout."""
    out = check_target(out, replace=replace)
    plan = load_for_export(db, plan_name)
    source = _source_of(db, plan.plan_id, plan.data.title)
    placement = _placement(plan.action_ids, source)
    try:
        mapping = read_mapping(source.mapping_json)
        imported = imported_actions(source.content, mapping, source.filename)
        baseline = _untouched_as_they_are(db, plan, placement, imported, source.imported_at)
        written = write_back(
            source.content, mapping, plan.data, placement, as_of or date.today(), baseline
        )
    except WriteBackError as exc:
        raise ServiceError(f"'{source.filename}' cannot be written back: {exc}.") from None
    if cancelled is not None and cancelled():
        raise ServiceError("The export was cancelled; nothing was saved.")
    write_atomically(out, _saver(written, source.content), replace=replace)
    if progress is not None:
        progress(plan.data.action_count, plan.data.action_count)
    notes = [*written.notes, _what_changed(written.cells)]
    return ExportResult(out, plan.data.title, plan.data.action_count, tuple(notes))


def _untouched_as_they_are(
    db: Database,
    plan: PlanForExport,
    placement: list[int | None],
    imported: list[ActionData | None],
    imported_at: datetime,
) -> list[ActionData | None]:
    """The baseline, where an action nobody has recorded progress on since the import is its own.

    RAG and status change only by recording progress, so an action without an update
    recorded since the import has nothing to write, however this version of the app would
    read its workbook now.
    """
    touched = actions_updated_since(db, plan.plan_id, imported_at)
    baseline = list(imported)
    actions = [action for priority in plan.data.priorities for action in priority.actions]
    for action_id, action, index in zip(plan.action_ids, actions, placement, strict=True):
        if index is not None and action_id not in touched:
            baseline[index] = action
    return baseline


def _what_changed(cells: int) -> str:
    """A line for the user: how much of their workbook the write-back changed."""
    if not cells:
        return (
            "No RAG, status or update has changed since the import, so the workbook is exactly "
            "as it was."
        )
    return f"{counted(cells, 'cell')} changed since the import; the rest is as it was."


def _saver(written: WrittenBack, original: bytes) -> Callable[[Path], object]:
    """Saving the written-back workbook; when nothing changed, the original file as it was."""
    if written.book is not None and written.cells:
        return written.book.save
    return lambda path: path.write_bytes(original)


def _source_of(db: Database, plan_id: int, title: str) -> KeptSource:
    source = latest_source(db, plan_id)
    if source is None:
        raise ServiceError(
            f"This plan was not imported from a workbook, so '{title}' has no layout of its own "
            "to write back into; export a tracker instead."
        )
    if source.layout == "csv":
        raise ServiceError(
            f"'{source.filename}' is a CSV file, which holds no layout to write back into; "
            "export a tracker instead."
        )
    return source


def _placement(action_ids: list[int], source: KeptSource) -> list[int | None]:
    """Each action's row in the import: actions keep the order of their ids from the import."""
    try:
        imported = len(read_mapping(source.mapping_json).actions)
    except WriteBackError as exc:
        raise ServiceError(f"'{source.filename}' cannot be written back: {exc}.") from None
    first = sorted(action_ids)[:imported]
    if len(first) < imported:
        raise ServiceError(
            f"The plan no longer has every action imported from '{source.filename}', so its "
            "rows cannot be matched; export a tracker instead."
        )
    rank = {action_id: index for index, action_id in enumerate(first)}
    return [rank.get(action_id) for action_id in action_ids]


def check_target(out: Path, *, replace: bool = False) -> Path:
    """The file to write: an .xlsx in a folder that exists, not there yet unless ``replace``."""
    out = Path(out)
    if out.exists() and not replace and not out.is_dir():
        raise ServiceError(f"'{out.name}' already exists and was not replaced.")
    if out.suffix.lower() != ".xlsx":
        raise ServiceError(f"'{out.name}' must end in .xlsx: exports are Excel workbooks.")
    if out.is_dir():
        raise ServiceError(f"'{out}' is a folder; give the name of the workbook to write.")
    if not out.parent.is_dir():
        raise ServiceError(
            f"The folder '{out.parent}' does not exist, so '{out.name}' was not written."
        )
    return out


def write_atomically(out: Path, write: Callable[[Path], object], *, replace: bool = False) -> Path:
    """Write an unnamed file in ``out``'s folder and give it its name only when complete.

    Nothing half-done is ever seen, even if the process is killed: on Linux the file has no
    name at all until it is whole. An existing ``out`` is kept unless ``replace``.
    """
    try:
        with _unnamed_file(out.parent) as unnamed:
            write(unnamed.path)
            unnamed.name_as(out, replace=replace)
    except FileExistsError:
        raise ServiceError(f"'{out.name}' already exists and was not replaced.") from None
    except WriteCancelled:
        raise ServiceError("The export was cancelled; nothing was saved.") from None
    except CellTextTooLong as exc:
        raise ServiceError(
            f"'{out.name}' was not written: one piece of text in the plan is {exc.length:,} "
            f"characters long, more than Excel holds in a cell ({MAX_CELL_TEXT:,})."
        ) from None
    except WorkbookError as exc:
        raise ServiceError(str(exc)) from None
    except PermissionError:
        raise ServiceError(
            f"'{out.name}' could not be written: permission denied (is it open in Excel?)."
        ) from None
    except OSError as exc:
        raise ServiceError(f"'{out.name}' could not be written: {exc.strerror or exc}.") from None
    return out


class _UnnamedFile:
    """A file being written in a folder, named only once it is complete."""

    def __init__(self, folder: Path) -> None:
        self.descriptor: int | None = None
        self.hidden: Path | None = None
        try:  # Linux: a file with no name, which vanishes if the process dies
            self.descriptor = os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o600)
            self.path = Path(f"/proc/self/fd/{self.descriptor}")
        except (AttributeError, OSError):  # elsewhere: a hidden name beside the target
            handle, name = tempfile.mkstemp(prefix=".actionplan-", suffix=".part", dir=folder)
            os.close(handle)
            self.hidden = self.path = Path(name)
        self.folder = folder

    def name_as(self, out: Path, *, replace: bool) -> None:
        """Give the finished file its name; without ``replace``, never over another file."""
        if self.hidden is None:
            if not replace:
                self._link(out)  # fails when the name is taken
                return
            self.hidden = self._hidden_name()
            self._link(self.hidden)
        if replace:
            os.replace(self.hidden, out)
        else:
            os.link(self.hidden, out)

    def _link(self, name: Path) -> None:
        # Through a folder descriptor so the system follows /proc's link to the file itself.
        folder = os.open(name.parent, os.O_RDONLY)
        try:
            os.link(self.path, name.name, dst_dir_fd=folder, follow_symlinks=True)
        finally:
            os.close(folder)

    def _hidden_name(self) -> Path:
        return self.folder / f".actionplan-{os.urandom(6).hex()}.part"

    def close(self) -> None:
        """Let go of the file; a hidden one not yet named is removed."""
        if self.descriptor is not None:
            os.close(self.descriptor)
        if self.hidden is not None:
            self.hidden.unlink(missing_ok=True)


@contextmanager
def _unnamed_file(folder: Path) -> Iterator[_UnnamedFile]:
    unnamed = _UnnamedFile(folder)
    try:
        yield unnamed
    finally:
        unnamed.close()
