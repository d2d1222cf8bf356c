"""Write the fictional Northbridge plan's yearly report chapter and render its pages.

The chapter for 1 April 2024 to 31 March 2025 is written twice, as a user would from the
command line: plain (docs/yearly_report/northbridge_progress_2024-25.docx) and on a small
partnership template with its own header and footer (…_on_template.docx). Each is turned
into a PDF and its pages into docs/yearly_report/<name>/page-N.png.

LibreOffice Writer renders the .docx when it is installed. Where it is not (a server with
only Calc, as on the machine these pages were first made on) the pages come from reading
the .docx back with python-docx and laying out what it holds with Qt's text engine: the
words, headings, tables, pictures and header are the file's own, the line and page breaks
are Qt's, not Word's.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_yearly_report_pages.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx
from docx_pages import render_pdf_with_qt
from make_board_pack import build_plan
from make_sample_pack_pages import render

from actionplan.cli import main as actionplan
from actionplan.store.database import Database

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "yearly_report"
PERIOD = ("--from", "2024-04-01", "--to", "2025-03-31")


def template(path: Path) -> Path:
    """A partnership's template: its own body font, a header naming the report, a footer."""
    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Northbridge Safeguarding Children Partnership"
    section.footer.paragraphs[0].text = "Annual Report 2024-25 · OFFICIAL"
    document.save(str(path))
    return path


def to_pdf(chapter: Path, folder: Path) -> Path:
    """The chapter as a PDF: through LibreOffice Writer if it is here, else through Qt."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        subprocess.run(
            [office, f"-env:UserInstallation=file://{folder}/office", "--headless",
             "--convert-to", "pdf", "--outdir", str(folder), str(chapter)],
            capture_output=True, check=False, timeout=300,
        )  # fmt: skip
        made = folder / f"{chapter.stem}.pdf"
        if made.exists():
            return made
    return render_pdf_with_qt(chapter, folder / f"{chapter.stem}.pdf")


def main() -> None:
    """Write both chapters and render their pages."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        db = Database.open(folder / "northbridge.db")
        build_plan(db)
        db.close()
        base = ["--db", str(folder / "northbridge.db"), "yearly-report"]
        plain = OUT / "northbridge_progress_2024-25.docx"
        theirs = OUT / "northbridge_progress_2024-25_on_template.docx"
        actionplan([*base, str(plain), *PERIOD])
        actionplan([*base, str(theirs), *PERIOD, "--template", str(template(folder / "t.docx"))])
        for chapter, name in ((plain, "plain"), (theirs, "on_template")):
            pages = render(to_pdf(chapter, folder), OUT / name)
            print(f"docs/yearly_report/{name}/: {pages} pages")


if __name__ == "__main__":
    main()
