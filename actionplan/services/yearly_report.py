"""Writing the yearly report's progress chapter as a Word file: checked, then written whole."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from actionplan.domain.timescale import format_due
from actionplan.reports.word_template import TemplateError
from actionplan.reports.yearly_report import write_yearly_report
from actionplan.services.errors import ServiceError
from actionplan.services.yearly_facts import yearly_report_data
from actionplan.store.database import Database

Progress = Callable[[int, int], None]
# A Word template with a logo is a few hundred kilobytes; far more is not a template.
LARGEST_TEMPLATE = 50 * 1024 * 1024


def make_yearly_report(
    db: Database,
    out_path: str | os.PathLike[str],
    start: date,
    end: date,
    plan_name: str | None = None,
    template: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the chapter covering ``start`` to ``end`` to a .docx file; a failure leaves no
    file written (and any earlier file of that name untouched)."""
    out = _checked_target(Path(out_path))
    if end < start:
        raise ServiceError(
            f"The period ends ({format_due(end)}) before it starts ({format_due(start)})."
        )
    content = None if template is None else _template_bytes(Path(template))
    data = yearly_report_data(db, plan_name, start, end)
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(handle)
    try:
        name = Path(template).name if template is not None else ""
        write_yearly_report(data, Path(temp_name), content, name, progress)
        os.replace(temp_name, out)
    except TemplateError as exc:
        raise ServiceError(str(exc)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
    return out


def last_year(as_of: date) -> tuple[date, date]:
    """The financial year (1 April to 31 March) that ended most recently by ``as_of``: the
    year a partnership's annual report covers."""
    ends = as_of.year if as_of >= date(as_of.year, 3, 31) else as_of.year - 1
    return date(ends - 1, 4, 1), date(ends, 3, 31)


def _checked_target(out: Path) -> Path:
    if out.suffix.lower() != ".docx":
        raise ServiceError(f"'{out.name}' does not end in .docx: give the Word file to write.")
    if out.is_dir():
        raise ServiceError(f"'{out}' is a folder: give the name of the Word file to write.")
    if not out.parent.is_dir():
        raise ServiceError(
            f"The folder '{out.parent}' does not exist, so '{out.name}' cannot be written."
        )
    if not os.access(out.parent, os.W_OK):
        raise ServiceError(f"The folder '{out.parent}' cannot be written to.")
    return out


def _template_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise ServiceError(f"The template '{path}' was not found.")
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise ServiceError(f"'{path.name}' is not a Word document (.docx), so it cannot be used.")
    if path.stat().st_size > LARGEST_TEMPLATE:
        raise ServiceError(f"'{path.name}' is too large to be a Word template.")
    return path.read_bytes()
