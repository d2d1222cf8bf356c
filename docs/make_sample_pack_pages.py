"""Print the board pack of each sample plan and render every page of it as a PNG.

Each sample workbook in sample_plans/ is imported into a new database as a user would
import it, its pack printed as at the samples' own date (no appendix, the plan's drafted key
messages), and every page rendered with pdftoppm into docs/board_pack/<sample>/page-N.png,
replacing the pages of an earlier run. The fictional Northbridge plan of make_board_pack.py
(with a board snapshot, so its pack names what changed) goes to docs/board_pack/demo/.

    .venv/bin/python docs/make_sample_pack_pages.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_board_pack import AS_OF as DEMO_AS_OF
from make_board_pack import build_plan
from pypdf import PdfReader

from actionplan.services.importing import import_workbook
from actionplan.services.report import make_report
from actionplan.store.database import Database

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "board_pack"
AS_OF = date(2025, 12, 15)  # the samples' own year
SAMPLES = {
    "business_plan": "northbridge_business_plan_2025.xlsx",
    "priorities": "northbridge_priorities_2025.xlsx",
    "tracker": "northbridge_tracker_2025.xlsx",
}
RESOLUTION = "60"  # dots per inch: every word readable on screen, the pages kept small


def render(pdf: Path, folder: Path) -> int:
    """Every page of the PDF as folder/page-N.png; returns the page count."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", RESOLUTION, str(pdf), str(folder / "page")], check=True
    )
    pages = len(PdfReader(pdf).pages)
    for picture in folder.glob("page-*.png"):  # pdftoppm pads the number: page-01.png
        number = int(picture.stem.split("-")[1])
        picture.rename(folder / f"page-{number}.png")
    return pages


def sample_pack(workbook: Path, pdf: Path) -> Path:
    """Import a sample workbook into a new database and print its pack."""
    db = Database.open(pdf.with_suffix(".db"))
    try:
        import_workbook(db, workbook)
        return make_report(db, pdf, as_of=AS_OF, marking="OFFICIAL")
    finally:
        db.close()


def demo_pack(pdf: Path) -> Path:
    """The fictional Northbridge plan's pack."""
    db = Database.open(pdf.with_suffix(".db"))
    try:
        build_plan(db)
        return make_report(db, pdf, as_of=DEMO_AS_OF, marking="OFFICIAL")
    finally:
        db.close()


def main() -> None:
    """Print each pack and render its pages."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for name, workbook in SAMPLES.items():
            pdf = sample_pack(ROOT / "sample_plans" / workbook, folder / f"{name}.pdf")
            print(f"docs/board_pack/{name}/: {render(pdf, OUT / name)} pages")
        pages = render(demo_pack(folder / "demo.pdf"), OUT / "demo")
        print(f"docs/board_pack/demo/: {pages} pages")


if __name__ == "__main__":
    main()
