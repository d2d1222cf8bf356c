"""Saving a whole plan that was read from a workbook: the checks, then the store's writer."""

from __future__ import annotations

from actionplan.domain.plan_data import PlanData
from actionplan.services.errors import ServiceError
from actionplan.store.database import Database
from actionplan.store.plan_writer import (
    Cancelled,
    Progress,
    SourceFile,
    WriteCancelled,
    write_plan,
)

__all__ = ["Cancelled", "Progress", "SaveCancelled", "SourceFile", "save_plan_data"]


class SaveCancelled(ServiceError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")


def save_plan_data(
    db: Database,
    plan: PlanData,
    source: SourceFile | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write a whole plan as a new plan in one transaction; returns its id.

    ``progress(done, total)`` is called as actions are written; when ``cancelled()``
    turns true nothing is written and SaveCancelled raised.
    """
    if not plan.title.strip():
        raise ServiceError("The plan has no title.")
    try:
        return write_plan(db, plan, source, progress, cancelled)
    except WriteCancelled:
        raise SaveCancelled() from None
