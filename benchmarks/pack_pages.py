"""How many pages each sample plan's board pack takes, against the size goals of a pack a
chair reads through.

Goals (without the appendix): a plan of about 17 actions in at most 5 pages (the first three
priorities, 18 actions, of the fictional Northbridge plan of docs/make_board_pack.py, with a
board snapshot, narratives and measures),
the 70-action tracker sample in at most 12, and beyond the summary no more than one page per
8 actions for larger plans. Prints, per plan: actions, pages, the goal and whether it is met.

    .venv/bin/python benchmarks/pack_pages.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs"))

from make_board_pack import AS_OF as DEMO_AS_OF
from make_board_pack import build_plan
from pypdf import PdfReader

from actionplan.services.editing import delete_priority
from actionplan.services.importing import import_workbook
from actionplan.services.report import make_report
from actionplan.services.summary import plan_summary
from actionplan.store.database import Database

SAMPLES = Path(__file__).resolve().parent.parent / "sample_plans"
AS_OF = date(2025, 12, 15)  # the samples' own year
SUMMARY_PAGES = 2  # the executive summary and the exceptions, before the priorities


def goal(actions: int) -> int:
    """The most pages a pack of this many actions should take (no appendix)."""
    if actions <= 20:
        return 5
    if actions <= 70:
        return 12
    return SUMMARY_PAGES + -(-actions // 8)


def pages_of(workbook: Path, folder: Path) -> tuple[int, int]:
    """The actions the workbook holds and the pages of its pack."""
    db = Database.open(folder / f"{workbook.stem}.db")
    try:
        import_workbook(db, workbook)
        actions = plan_summary(db, as_of=AS_OF)["actions"]
        pdf = make_report(db, folder / f"{workbook.stem}.pdf", as_of=AS_OF)
    finally:
        db.close()
    return actions, len(PdfReader(pdf).pages)


def demo_pages(folder: Path, keep: int | None = None) -> tuple[int, int]:
    """The actions and pack pages of the fictional plan the README's pages come from; with
    ``keep``, only its first priorities (three of them hold 18 actions)."""
    db = Database.open(folder / f"demo-{keep}.db")
    try:
        priorities = build_plan(db)
        for priority_id in priorities[keep:] if keep else []:
            delete_priority(db, priority_id)
        actions = plan_summary(db, as_of=DEMO_AS_OF)["actions"]
        pdf = make_report(db, folder / f"demo-{keep}.pdf", as_of=DEMO_AS_OF)
    finally:
        db.close()
    return actions, len(PdfReader(pdf).pages)


def _line(name: str, actions: int, pages: int) -> str:
    most = goal(actions)
    verdict = "met" if pages <= most else "NOT met"
    return f"{name:40} {actions:4} actions {pages:4} pages (goal ≤ {most}): {verdict}"


def main() -> None:
    """Print the page count of each sample's pack beside its goal."""
    print(f"board pack, no appendix (samples as at {AS_OF:%d %b %Y})")
    with tempfile.TemporaryDirectory() as folder:
        print(_line("make_board_pack.py, first 3 priorities", *demo_pages(Path(folder), 3)))
        print(_line("make_board_pack.py (Northbridge demo)", *demo_pages(Path(folder))))
        for workbook in sorted(SAMPLES.glob("*.xlsx")):
            print(_line(workbook.name, *pages_of(workbook, Path(folder))))


if __name__ == "__main__":
    main()
