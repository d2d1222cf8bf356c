"""Render the pages where the fictional Northbridge plan's board pack and yearly chapter
print its review recommendations (the register of docs/northbridge_register.py).

The pack (as at 31 March 2025) and the chapter (1 April 2024 to 31 March 2025) are written
as a user would from the command line; the chapter goes to PDF through LibreOffice Writer
when it is installed (through Qt otherwise, see make_yearly_report_pages.py). The pages
carrying the recommendations become docs/recommendations/pack-page-N.png and
chapter-page-N.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_recommendation_pages.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_board_pack import build_plan
from make_yearly_report_pages import PERIOD, to_pdf
from northbridge_register import add_register
from pypdf import PdfReader

from actionplan.cli import main as actionplan
from actionplan.store.database import Database

OUT = ROOT = Path(__file__).resolve().parent.parent / "docs" / "recommendations"


def pages_saying(pdf: Path, words: str) -> list[int]:
    """The 1-based pages of the PDF from the first one holding ``words`` to the end."""
    texts = [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]
    first = next(number for number, text in enumerate(texts, 1) if words in text)
    return list(range(first, len(texts) + 1))


def render(pdf: Path, pages: list[int], name: str) -> list[Path]:
    """Those pages as docs/recommendations/NAME-page-N.png."""
    made = []
    for number in pages:
        stem = OUT / f"{name}-page-{number}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number),
             "-singlefile", str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        made.append(stem.with_suffix(".png"))
    return made


def main() -> None:
    """Write the pack and the chapter, and render their recommendation pages."""
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        db = Database.open(folder / "northbridge.db")
        build_plan(db)
        add_register(db)
        db.close()
        base = ["--db", str(folder / "northbridge.db")]
        pack, chapter = folder / "pack.pdf", folder / "chapter.docx"
        actionplan([*base, "report", str(pack), "--as-of", "2025-03-31"])
        actionplan([*base, "yearly-report", str(chapter), *PERIOD])
        chapter_pdf = to_pdf(chapter, folder)
        shown = render(pack, pages_saying(pack, "Review recommendations What"), "pack")
        shown += render(
            chapter_pdf, pages_saying(chapter_pdf, "response to reviews Child"), "chapter"
        )
        for path in shown:
            print(f"Wrote {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
