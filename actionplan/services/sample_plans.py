"""Loading the sample plans that ship with the app (``actionplan demo``, the welcome page)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actionplan.resources import sample_plans_dir
from actionplan.services.importing import import_workbook, preview_import
from actionplan.services.plans import list_plans
from actionplan.store.database import Database

SAMPLE_SUFFIXES = (".xlsx", ".csv")


@dataclass(frozen=True)
class SampleLoad:
    """One sample workbook: the plan it holds and whether it was loaded now or before."""

    path: Path
    title: str
    loaded: bool  # False when a plan of that title was already in the database
    priorities: int
    actions: int


def sample_files(folder: Path | None = None) -> list[Path]:
    """The sample workbooks, in name order."""
    folder = folder or sample_plans_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES)


def load_sample_plans(db: Database, folder: Path | None = None) -> list[SampleLoad]:
    """Import each sample workbook whose plan is not in the database yet (matched by title)."""
    titles = {plan.title.casefold() for plan in list_plans(db)}
    loads = []
    for path in sample_files(folder):
        plan = preview_import(path).plan
        known = plan.title.casefold() in titles
        if not known:
            import_workbook(db, path)
            titles.add(plan.title.casefold())
        loads.append(
            SampleLoad(path, plan.title, not known, len(plan.priorities), plan.action_count)
        )
    return loads
