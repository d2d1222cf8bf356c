"""How fast the board pack prints, against printing the tracker workbook with LibreOffice.

For a 60-action plan and the 24,000-action plan, median of 3 runs each:
- `actionplan report OUT.pdf --appendix` as a new process (what a user runs), and the
  same report made in-process (no start-up);
- what a user would do instead: `libreoffice --headless --convert-to pdf` of the
  plan's tracker workbook: a plain one and a formatted one (one row per action,
  written here with openpyxl), and the app's own exported tracker workbook.

    .venv/bin/python benchmarks/report_bench.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from pypdf import PdfReader

from actionplan.services.actions import action_rows
from actionplan.services.exporting import export_tracker
from actionplan.services.plan_store import save_plan_data
from actionplan.services.report import make_report
from actionplan.store.database import Database
from benchmarks.big_plan import big_plan

RUNS = 3
AS_OF = date(2025, 3, 31)
SIZES = (("60-action plan", 5, 12), ("24,000-action plan", 12, 2000))
TRACKER_HEADER = (
    "Ref", "Priority", "Action", "Lead", "Due date", "Status", "RAG", "Latest update",
    "Date of update",
)  # fmt: skip


def median_time(task: Callable[[], object], runs: int = RUNS) -> float:
    """The median wall time of ``runs`` runs of ``task``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# Column widths (characters) a readable export would set; "plain" leaves Excel's default.
TRACKER_WIDTHS = (7, 18, 50, 20, 11, 12, 5, 45, 11)


def write_tracker(db: Database, plan_id: int, out: Path, formatted: bool) -> None:
    """The plan as a tracker workbook, one row per action (the export's layout).

    Plain: values only, as openpyxl writes them. Formatted: column widths, wrapped text
    and dates shown as dates, so LibreOffice prints every word (as a real export would).
    """
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tracker")
    if formatted:
        for index, width in enumerate(TRACKER_WIDTHS):
            sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.append(TRACKER_HEADER)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in action_rows(db, plan_id, AS_OF):
        values = [
            row.ref,
            row.priority_title,
            row.text,
            row.lead_text,
            row.due_date,
            row.status.word,
            row.rag.letter,
            row.latest_update,
            row.latest_update_date,
        ]
        sheet.append([_cell(sheet, v, wrap) for v in values] if formatted else values)
    book.save(out)


def _cell(sheet: object, value: object, wrap: Alignment) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.alignment = wrap
    if isinstance(value, date):
        cell.number_format = "DD/MM/YYYY"
    return cell


def libreoffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("libreoffice") or shutil.which("soffice")


def convert_with_libreoffice(program: str, workbook: Path, out_dir: Path, profile: Path) -> None:
    """What a user would do instead: print the workbook to PDF with LibreOffice."""
    subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=3600,
    )


def report_process(db_path: Path, out: Path) -> None:
    """`actionplan report OUT.pdf --appendix` as a user runs it."""
    command = [sys.executable, "-m", "actionplan", "--db", str(db_path), "report", str(out)]
    command += ["--as-of", AS_OF.isoformat(), "--appendix"]
    subprocess.run(command, check=True, capture_output=True, timeout=3600)


def pages(pdf: Path) -> int:
    """How many pages a PDF has."""
    return len(PdfReader(pdf).pages)


def bench_size(label: str, priorities: int, per_priority: int, folder: Path) -> None:
    """Time both ways of printing one plan and print the figures."""
    count = priorities * per_priority
    db_path = folder / f"{count}.db"
    db = Database.open(db_path)
    plan_id = save_plan_data(db, big_plan(priorities, per_priority))
    pdf = folder / f"pack-{count}.pdf"
    ours_process = median_time(lambda: report_process(db_path, pdf))
    ours_inside = median_time(lambda: make_report(db, pdf, as_of=AS_OF, appendix=True))
    print(f"{label}: {count:,} actions")
    print(
        f"  actionplan report --appendix, new process: {ours_process:7.2f} s  {pages(pdf):5} pages"
    )
    print(f"  actionplan report --appendix, in process:  {ours_inside:7.2f} s")
    program = libreoffice()
    if program is None:
        print("  LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui):")
        print("  no comparison figures.")
        db.close()
        return
    for formatted in (False, True):
        workbook = folder / f"tracker-{count}-{'formatted' if formatted else 'plain'}.xlsx"
        write_tracker(db, plan_id, workbook, formatted)
        _compare(program, workbook, folder, ours_process, ours_inside)
    # What the issue names: the tracker workbook the app itself exports, printed by LibreOffice.
    # LibreOffice takes minutes over the big export (five styled sheets): one timed run there.
    exported = folder / f"tracker-{count}-exported.xlsx"
    export_tracker(db, exported, as_of=AS_OF)
    _compare(program, exported, folder, ours_process, ours_inside, 1 if count > 1000 else RUNS)
    db.close()


def _compare(
    program: str, workbook: Path, folder: Path, process: float, inside: float, runs: int = RUNS
) -> None:
    out_dir, profile = folder / "lo", folder / "lo-profile"
    if not profile.exists():
        convert_with_libreoffice(program, workbook, out_dir, profile)  # makes the profile
    theirs = median_time(
        lambda: convert_with_libreoffice(program, workbook, out_dir, profile), runs
    )
    kind = workbook.stem.rsplit("-", 1)[1]
    count = pages(out_dir / f"{workbook.stem}.pdf")
    how = f"median of {runs}" if runs > 1 else "one run"
    print(
        f"  LibreOffice --convert-to pdf, {kind:9} tracker: {theirs:7.2f} s  {count:5} pages"
        f"  ({how})"
    )
    print(f"    ratio LibreOffice / actionplan: {theirs / process:5.2f}x (process), ", end="")
    print(f"{theirs / inside:5.2f}x (in process): actionplan is ", end="")
    print("faster" if process < theirs else "SLOWER")


def main() -> int:
    """Run both sizes in a temporary folder."""
    print(f"Board pack benchmark, median of {RUNS} runs (Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ACTIONPLAN_DB"] = str(Path(tmp) / "unused.db")
        for label, priorities, per_priority in SIZES:
            bench_size(label, priorities, per_priority, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
