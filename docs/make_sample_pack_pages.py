"""Render the pages of the business-plan sample's board pack that show its own words.

The sample workbook (sample_plans/northbridge_business_plan_2025.xlsx) carries an annual
report annex of narrative per priority and a performance table with statistical
neighbours, London and England. This imports it as a user would, prints the pack, and
saves as PNGs the first page holding a comparator ("Compared with") and the first holding
the annex's narrative, so the README can show them.

    .venv/bin/python docs/make_sample_pack_pages.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from actionplan.services.importing import import_workbook  # noqa: E402
from actionplan.services.report import make_report  # noqa: E402
from actionplan.store.database import Database  # noqa: E402

SAMPLE = ROOT / "sample_plans" / "northbridge_business_plan_2025.xlsx"
OUT = ROOT / "docs" / "board_pack"
AS_OF = date(2025, 12, 15)  # the sample's own year
WANTED = {"comparators": "Compared with", "narrative": "What has been done"}


def main() -> None:
    """Import the sample, print its pack and render the pages wanted."""
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "sample.db")
        import_workbook(db, SAMPLE)
        pdf = make_report(db, Path(folder) / "pack.pdf", as_of=AS_OF)
        db.close()
        pages = [page.extract_text() for page in PdfReader(pdf).pages]
        for name, words in WANTED.items():
            number = next(i + 1 for i, text in enumerate(pages) if words in text)
            stem = OUT / f"sample-{name}"
            page = ["-f", str(number), "-l", str(number), "-singlefile"]
            subprocess.run(["pdftoppm", "-png", "-r", "70", *page, str(pdf), str(stem)], check=True)
            print(f"{stem}.png: page {number} of {len(pages)}")


if __name__ == "__main__":
    main()
